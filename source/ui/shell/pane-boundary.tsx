// A pane that throws loses only its own rectangle: the rest of the screen keeps updating.
import {Text} from 'ink';
import {Component, type ReactNode, useContext} from 'react';
import {sanitizeText} from '../../domain/sanitize.js';
import {asciiOnly} from '../panes/text-width.js';
import {AsciiContext} from './row.js';

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
		return <BoundaryMessage text={`${this.props.title} cannot be drawn: ${this.state.message}`} />;
	}
}

function BoundaryMessage({text}: {readonly text: string}) {
	const ascii = useContext(AsciiContext);
	const clean = sanitizeText(text, 240);
	// Ink cuts an overlong Text with `…`: an ASCII terminal gets it unmarked.
	return (
		<Text wrap={ascii ? 'wrap' : 'truncate-end'} color="red">
			{ascii ? asciiOnly(clean) : clean}
		</Text>
	);
}
