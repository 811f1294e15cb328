export type HttpResponse = {
	readonly status: number;
	readonly headers: Readonly<Record<string, string>>;
	/** Text for the JSON and XML protocols; bytes for an S3 object. */
	readonly body: string | Uint8Array;
};
