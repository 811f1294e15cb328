// Byte length of a string in UTF-8, without allocating an encoded copy of every message.
const nonAscii = /[^\u0000-\u007f]/;

export function utf8Length(text: string): number {
	if (!nonAscii.test(text)) {
		return text.length;
	}
	let bytes = 0;
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		if (code < 0x80) {
			bytes += 1;
		} else if (code < 0x800) {
			bytes += 2;
		} else if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
			const next = text.charCodeAt(index + 1);
			const paired = next >= 0xdc00 && next <= 0xdfff;
			bytes += paired ? 4 : 3;
			index += paired ? 1 : 0;
		} else {
			bytes += 3;
		}
	}
	return bytes;
}
