export * from './identity';
export * from './roles';
export * from './jwt';
export * from './gatewaySignature';
export * from './authChecker';
