// The address arithmetic lives in the domain (findings match flows against security group and
// network ACL ranges with it); the filter keeps reaching it by this path.
export * from '../../../domain/ip-address.js';
