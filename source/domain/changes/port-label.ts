// "tcp/80", "udp/53", "tcp/8000-8080", "all traffic": how engineers write rules in chat.

const protocolNames: Readonly<Record<string, string>> = {
	'1': 'icmp',
	'6': 'tcp',
	'17': 'udp',
	'58': 'icmpv6',
};

export function protocolName(protocol: string | undefined): string | undefined {
	if (protocol === undefined) {
		return undefined;
	}

	const lower = protocol.toLowerCase();
	if (lower === '-1' || lower === 'all') {
		return 'all';
	}

	return protocolNames[lower] ?? lower;
}

export function portRangeLabel(
	protocol: string | undefined,
	from: number | undefined,
	to: number | undefined,
): string {
	const name = protocolName(protocol);
	if (name === undefined) {
		return from === undefined ? 'unknown protocol' : `port ${portSpan(from, to)}`;
	}

	if (name === 'all') {
		return 'all traffic';
	}

	if (name === 'icmp' || name === 'icmpv6') {
		return name;
	}

	if (from === undefined || from < 0 || (from === 0 && to === 65_535)) {
		return `${name}/all ports`;
	}

	return `${name}/${portSpan(from, to)}`;
}

function portSpan(from: number, to: number | undefined): string {
	return to === undefined || to === from ? String(from) : `${from}-${to}`;
}
