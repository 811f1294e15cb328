// The client class alone, loaded lazily by clients.ts. A dynamic import of the package itself
// takes its whole namespace into the bundle (every command of the service: 823 for EC2, 1.9 MB
// of code parsed and kept by V8); through a static re-export, only the commands lbtop imports
// elsewhere are bundled.
export {EC2Client} from '@aws-sdk/client-ec2';
