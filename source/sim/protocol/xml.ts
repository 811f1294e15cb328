// Renders protocol-neutral results as the XML the AWS query protocols return. Lists are wrapped:
// `<Name><member>..</member></Name>` for awsQuery, `<name><item>..</item></name>` for EC2.
import {WireMap, type WireStruct, type WireValue} from './wire.js';

export type ListMemberName = 'member' | 'item';

// XML 1.0 cannot carry most control characters even escaped; tab, CR and LF survive as references.
const unsafeCharacters = /[&<>"'\u0000-\u001f\ufffe\uffff]/g;

function escapeCharacter(character: string): string {
	switch (character) {
		case '&':
			return '&amp;';
		case '<':
			return '&lt;';
		case '>':
			return '&gt;';
		case '"':
			return '&quot;';
		case "'":
			return '&apos;';
		case '\t':
			return '&#9;';
		case '\n':
			return '&#10;';
		case '\r':
			return '&#13;';
		default:
			return '';
	}
}

export function escapeXml(text: string): string {
	return text.replace(unsafeCharacters, escapeCharacter);
}

function formatNumber(value: number): string {
	if (Number.isNaN(value)) {
		return 'NaN';
	}
	if (!Number.isFinite(value)) {
		return value > 0 ? 'Infinity' : '-Infinity';
	}
	return String(value);
}

function content(value: WireValue, listMember: ListMemberName): string {
	if (value === undefined || value === null) {
		return '';
	}
	if (typeof value === 'string') {
		return escapeXml(value);
	}
	if (typeof value === 'number') {
		return formatNumber(value);
	}
	if (typeof value === 'boolean') {
		return value ? 'true' : 'false';
	}
	if (value instanceof Date) {
		return value.toISOString();
	}
	if (value instanceof WireMap) {
		return Object.entries(value.entries)
			.map(
				([key, entry]) =>
					`<entry><key>${escapeXml(key)}</key>${xmlElement('value', entry, listMember)}</entry>`,
			)
			.join('');
	}
	if (Array.isArray(value)) {
		return (value as readonly WireValue[])
			.map((item) => xmlElement(listMember, item, listMember))
			.join('');
	}
	return xmlMembers(value as WireStruct, listMember);
}

export function xmlElement(name: string, value: WireValue, listMember: ListMemberName): string {
	if (value === undefined || value === null) {
		return '';
	}
	const inner = content(value, listMember);
	return inner === '' ? `<${name}/>` : `<${name}>${inner}</${name}>`;
}

export function xmlMembers(struct: WireStruct, listMember: ListMemberName): string {
	return Object.entries(struct)
		.map(([key, value]) => xmlElement(key, value, listMember))
		.join('');
}
