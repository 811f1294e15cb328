// A pane that throws loses only its own rectangle: the rest of the screen keeps updating.
import {Text} from 'ink';
import {Component, type ReactNode} from 'react';
import {sanitizeText} from '../../domain/sanitize.js';

type Properties = {
	readonly title: string;
	readonly children: ReactNode;
};

type State = {
	readonly message: string | undefined;
};

export class PaneBoundary extends Component<Properties, State> {
	override state: State = {message: undefined};

	static getDerivedStateFromError(error: unknown): State {
		return {message: error instanceof Error ? error.message : String(error)};
	}

	override render(): ReactNode {
		if (this.state.message === undefined) {
			return this.props.children;
		}
		return (
			<Text wrap="truncate-end" color="red">
				{`${this.props.title} cannot be drawn: ${sanitizeText(this.state.message, 200)}`}
			</Text>
		);
	}
}
