// A flow log's S3 destination (`arn:aws:s3:::bucket[/folder/]`): the bucket is everything up to
// the first `/` after `:::`, the rest an optional folder (aws-facts-s3 §1.1, §1.4).

export type S3Destination = {
	readonly bucket: string;
	/** The folder inside the bucket, ending in `/`, or empty. */
	readonly prefix: string;
};

// Bucket names: 3-63 lower-case letters, digits, dots and hyphens.
const arnShape = /^arn:aws[a-z-]*:s3:::([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/;

export function parseS3Destination(arn: string | undefined): S3Destination | undefined {
	const match = arnShape.exec(arn?.trim() ?? '');
	if (match?.[1] === undefined) {
		return undefined;
	}

	const folder = match[2] ?? '';
	return {bucket: match[1], prefix: folder === '' || folder.endsWith('/') ? folder : `${folder}/`};
}
