// One place builds the SDK clients, lazily: each client package costs tens of milliseconds to load,
// and the first frame should not wait for services it does not need yet.
import {namingHtmlAnswers} from './html-answer.js';

export type StaticCredentials = {readonly accessKeyId: string; readonly secretAccessKey: string};

export type AwsSettings = {
	readonly region?: string;
	readonly profile?: string;
	/**
	 * `--logs-profile`: the credentials that read the flow logs (CloudWatch Logs, S3, Athena, Glue)
	 * when they live in another account; `profile` when absent.
	 */
	readonly logsProfile?: string;
	/** `--endpoint-url`; without it the SDK's own AWS_ENDPOINT_URL* variables and config apply. */
	readonly endpointUrl?: string;
	readonly credentials?: StaticCredentials;
	readonly maxAttempts?: number;
};

// Without these the SDK waits up to 300 s of socket silence (three times over) before a hung call
// fails: the pane would say "ok" for many minutes. Insights queries run server-side, so no single
// request needs long; a FilterLogEvents page of 1 MB over a slow link is the largest we make.
const requestHandler = {
	connectionTimeout: 5_000,
	requestTimeout: 20_000,
	throwOnRequestTimeout: true,
};

type ClientConfig = {
	requestHandler: typeof requestHandler;
	region?: string;
	profile?: string;
	endpoint?: string;
	credentials?: StaticCredentials;
	maxAttempts?: number;
};

/** The clients that read flow logs use the logs profile, when there is one. */
function logsConfig(settings: AwsSettings): ClientConfig {
	const profile = settings.logsProfile ?? settings.profile;
	return clientConfig({...settings, ...(profile === undefined ? {} : {profile})});
}

function clientConfig(settings: AwsSettings): ClientConfig {
	return {
		requestHandler,
		...(settings.region === undefined ? {} : {region: settings.region}),
		...(settings.profile === undefined ? {} : {profile: settings.profile}),
		...(settings.endpointUrl === undefined ? {} : {endpoint: settings.endpointUrl}),
		...(settings.credentials === undefined ? {} : {credentials: settings.credentials}),
		...(settings.maxAttempts === undefined ? {} : {maxAttempts: settings.maxAttempts}),
	};
}

/** Every client lbtop builds goes through here. */
function sdkClient<Client extends Parameters<typeof namingHtmlAnswers>[0]>(client: Client): Client {
	namingHtmlAnswers(client);
	return client;
}

type Destroyable = {
	destroy(): void;
	readonly middlewareStack: {remove(toRemove: string): boolean};
};

export class AwsClients {
	readonly sts = this.lazy(async () => {
		const {STSClient} = await import('./sdk/sts-client.js');
		return sdkClient(new STSClient(clientConfig(this.settings)));
	});

	readonly elbv2 = this.lazy(async () => {
		const {ElasticLoadBalancingV2Client} = await import('./sdk/elbv2-client.js');
		return sdkClient(new ElasticLoadBalancingV2Client(clientConfig(this.settings)));
	});

	readonly ec2 = this.lazy(async () => {
		const {EC2Client} = await import('./sdk/ec2-client.js');
		return sdkClient(new EC2Client(clientConfig(this.settings)));
	});

	readonly logs = this.lazy(async () => {
		const {CloudWatchLogsClient} = await import('./sdk/logs-client.js');
		return sdkClient(new CloudWatchLogsClient(logsConfig(this.settings)));
	});

	readonly s3 = this.lazy(async () => {
		const {S3Client} = await import('./sdk/s3-client.js');
		// Path-style for an endpoint of one's own (the sim, a local emulator): virtual-host style
		// would put the bucket in the host name.
		return sdkClient(
			new S3Client({
				...logsConfig(this.settings),
				forcePathStyle: this.settings.endpointUrl !== undefined,
			}),
		);
	});

	readonly athena = this.lazy(async () => {
		const {AthenaClient} = await import('./sdk/athena-client.js');
		return sdkClient(new AthenaClient(logsConfig(this.settings)));
	});

	readonly glue = this.lazy(async () => {
		const {GlueClient} = await import('./sdk/glue-client.js');
		return sdkClient(new GlueClient(logsConfig(this.settings)));
	});

	readonly cloudwatch = this.lazy(async () => {
		const {CloudWatchClient} = await import('./sdk/cloudwatch-client.js');
		return sdkClient(new CloudWatchClient(clientConfig(this.settings)));
	});

	readonly cloudtrail = this.lazy(async () => {
		const {CloudTrailClient} = await import('./sdk/cloudtrail-client.js');
		return sdkClient(new CloudTrailClient(clientConfig(this.settings)));
	});

	private readonly created: Promise<Destroyable>[] = [];

	constructor(readonly settings: AwsSettings) {}

	/** The region the SDK resolved (flag, environment or profile). */
	async region(): Promise<string> {
		const client = await this.sts();
		return client.config.region();
	}

	async destroy(): Promise<void> {
		const clients = await Promise.allSettled(this.created.splice(0));
		for (const client of clients) {
			if (client.status === 'fulfilled') {
				client.value.destroy();
			}
		}
	}

	private lazy<T extends Destroyable>(create: () => Promise<T>): () => Promise<T> {
		let client: Promise<T> | undefined;
		return () => {
			if (!client) {
				client = create().then(withoutCallLogging);
				this.created.push(client);
			}
			return client;
		};
	}
}

/**
 * lbtop gives the SDK no logger, yet the SDK's logging step still copies every answer (through its
 * sensitive-data filter) to hand the copy to a logger that does nothing: for a FilterLogEvents page
 * of 10,000 events that is the whole page again, every call.
 */
function withoutCallLogging<T extends Destroyable>(client: T): T {
	client.middlewareStack.remove('loggerMiddleware');
	return client;
}
