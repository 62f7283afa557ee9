export * from './identity';
export * from './jwt';
export * from './gatewaySignature';
export * from './authChecker';
