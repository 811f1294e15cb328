// What the topology says of the addresses and interfaces a flow table names, by their text ids.
// Thousands of conversations a refresh ask the same questions of a few hundred addresses (is it the
// LB's, a target's, which targets listen there); within one table equal ids are equal texts, so each
// address and interface is looked up in the topology's maps once, and then read by its id.
import type {
	LbInterface,
	TargetEndpoint,
	TargetInterface,
	TopologyIndex,
} from './topology-index.js';

export type TextFacts = {
	readonly texts: readonly string[];
	/** Per text id: 0 when not looked up yet, else `looked` and the address bits below. */
	readonly addressKinds: Uint8Array;
	readonly targetPorts: (ReadonlyMap<number, readonly TargetEndpoint[]> | undefined)[];
	/** Per text id: 1 once the interface has been looked up. */
	readonly interfacesLooked: Uint8Array;
	readonly lbInterfaces: (LbInterface | undefined)[];
	readonly targetInterfaces: (TargetInterface | undefined)[];
};

const looked = 1;
const lbAddress = 2;
const targetAddress = 4;
const noTargets: readonly TargetEndpoint[] = [];

export function createTextFacts(texts: readonly string[]): TextFacts {
	// Filled to their length: writing far past the end of an empty array turns it into a dictionary.
	return {
		texts,
		addressKinds: new Uint8Array(texts.length),
		targetPorts: new Array(texts.length).fill(undefined),
		interfacesLooked: new Uint8Array(texts.length),
		lbInterfaces: new Array(texts.length).fill(undefined),
		targetInterfaces: new Array(texts.length).fill(undefined),
	};
}

/** The address's kind (test it with isLbAddress, isTargetAddress), looked up on first use. */
export function addressFacts(facts: TextFacts, index: TopologyIndex, id: number): number {
	const known = facts.addressKinds[id] ?? 0;
	if (known !== 0) {
		return known;
	}

	const addr = facts.texts[id] ?? '';
	facts.targetPorts[id] = index.targetsByEndpoint.get(addr);
	const kind =
		looked |
		(index.lbAddrs.has(addr) ? lbAddress : 0) |
		(index.targetAddrs.has(addr) ? targetAddress : 0);
	facts.addressKinds[id] = kind;
	return kind;
}

export function isLbAddress(kind: number): boolean {
	return (kind & lbAddress) !== 0;
}

export function isTargetAddress(kind: number): boolean {
	return (kind & targetAddress) !== 0;
}

/** The registered targets at the address and port (the index's targetsByEndpoint, by id). */
export function targetsOfAddress(
	facts: TextFacts,
	index: TopologyIndex,
	id: number,
	port: number,
): readonly TargetEndpoint[] {
	addressFacts(facts, index, id);
	return facts.targetPorts[id]?.get(port) ?? noTargets;
}

/** The LB's and the targets' interface named by the text id, looked up on first use. */
export function lbInterfaceOf(
	facts: TextFacts,
	index: TopologyIndex,
	id: number,
): LbInterface | undefined {
	lookUpInterface(facts, index, id);
	return facts.lbInterfaces[id];
}

export function targetInterfaceOf(
	facts: TextFacts,
	index: TopologyIndex,
	id: number,
): TargetInterface | undefined {
	lookUpInterface(facts, index, id);
	return facts.targetInterfaces[id];
}

function lookUpInterface(facts: TextFacts, index: TopologyIndex, id: number): void {
	if (facts.interfacesLooked[id] === 1) {
		return;
	}

	const interfaceId = facts.texts[id] ?? '';
	facts.lbInterfaces[id] = index.lbInterfaces.get(interfaceId);
	facts.targetInterfaces[id] = index.targetInterfaces.get(interfaceId);
	facts.interfacesLooked[id] = 1;
}
