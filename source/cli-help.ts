// Help texts for `lbtop` and `lbtop sim`, kept beside each other so they stay consistent.

export const monitorHelp = `
  Usage
    $ lbtop <load-balancer>     watch a load balancer (name or ARN) live
    $ lbtop --demo              watch the built-in demo world (no AWS account)
    $ lbtop replay <file>       play back a --record file (lbtop replay --help)
    $ lbtop sim [options]       run the local AWS-compatible endpoint
                                (lbtop sim --help)
    $ lbtop --print-iam-policy  print the read-only IAM policy lbtop needs

  Options
    --region <region>       AWS region (default: AWS_REGION, the profile's
                            region, or the ARN's)
    --profile <name>        AWS profile from ~/.aws/config (SSO, assume-role,
                            credential_process)
    --endpoint-url <url>    send every AWS call to this endpoint
                            (AWS_ENDPOINT_URL* also work)
    --window <duration>     how far back the panes look (default 15m; 5m to 3h)
    --refresh <duration>    how often live sources refresh (default 10s; min 2s;
                            the newest flow log events are read every 2s)
    --log-group <name>      read flow logs from this log group (repeatable;
                            overrides discovery)
    --logs-profile <name>   read the logs (S3, Athena, Glue, CloudWatch Logs) as
                            this profile: a log archive or monitoring account
    --athena-table <db.table>
                            the Athena table over the flow logs in S3 (default:
                            found in Glue)
    --athena-workgroup <name>
                            run Athena queries in this workgroup (default
                            primary)
    --print-athena-ddl      print a CREATE TABLE (partition projection) for the
                            logs in S3 and exit
    --flow-logs s3          with --demo: the demo's flow logs go to S3, read
                            with Athena
    --once                  print one text snapshot and exit
    --json                  print one JSON snapshot and exit (docs/snapshot.md)
    --demo                  start the demo world in-process and watch its NLB
    --record <file>         append what changes to <file> (NDJSON; lbtop replay
                            plays it back)
    --print-iam-policy      print the least-privilege IAM policy and exit
    --no-color              no colors (NO_COLOR is honoured too)
    --ascii                 ASCII borders and sparklines (automatic when the
                            locale is not UTF-8)
    --version               print the version
    --help                  print this help

  Without a terminal (piped, cron, CI) lbtop prints one text snapshot, as with
  --once. In the live view, y copies a paste-ready summary to the clipboard
  (OSC 52) and saves it to a private file in the temporary directory.

  Exit codes
    0  done (per-source failures are reported in the output)
    1  runtime failure (load balancer not found, credentials, network)
    2  usage error (unknown flag, bad duration, bad ARN)

  Examples
    $ lbtop my-nlb --region eu-west-1 --profile prod
    $ lbtop --once \\
        arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/my-nlb/50dc6c495c0c9188
    $ lbtop --demo
    $ lbtop my-nlb --logs-profile log-archive --athena-table flows.vpc_flow_logs
`;

export const replayHelp = `
  Usage
    $ lbtop replay <file> [options]

  Plays back a recording made with --record in the same screen, at the recorded
  pace. p pauses, q quits; y copies the summary of the snapshot on screen.

  Options
    --speed <n>     play n times faster (default 1)
    --at <time>     start at (or, with --once/--json, print) the snapshot
                    nearest this UTC time: 2025-03-14T13:42:10Z, or 13:42 on
                    the recording's day
    --once          print one text snapshot (the last, or --at) and exit
    --json          print one JSON snapshot (the last, or --at) and exit
    --no-color      no colors (NO_COLOR is honoured too)
    --ascii         ASCII borders and sparklines

  Unreadable lines are skipped with a warning. Exit codes: 0 done, 1 file
  unreadable or without snapshots, 2 usage error.

  Examples
    $ lbtop my-nlb --record incident.ndjson
    $ lbtop replay incident.ndjson --speed 10
    $ lbtop replay incident.ndjson --at 13:42 --once
`;

export const simHelp = `
  Usage
    $ lbtop sim [options]

  Runs lbtop's local AWS-compatible endpoint: CloudWatch Logs (with Logs
  Insights), CloudWatch, Elastic Load Balancing v2, EC2, CloudTrail, STS, S3,
  Glue and Athena (SQL run by DuckDB), speaking the real wire protocols, so
  lbtop and the AWS CLI can be pointed at it. Without --scenario it serves the
  demo world.

  Options
    --host <address>     address to listen on (default 127.0.0.1)
    --port <port>        port (default 4566; 0 picks a free port)
    --scenario <file>    serve the world described by this JSON file
                         (format: docs/scenario.md)
    --seed <n>           seed of the demo world (default 1)
    --speed <n>          run the world's clock n times faster (default 1): the
                         demo world, or a scenario with a traffic model

  Examples
    $ lbtop sim --port 4566 &
    $ AWS_ENDPOINT_URL=http://127.0.0.1:4566 \\
      AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test \\
        aws --region us-east-1 elbv2 describe-load-balancers
    $ lbtop sim --scenario examples/incident-nacl-blocks-return-traffic.json \\
        --speed 10
`;
