export * from './orgs';
export * from './auth';
export * from './audit';
export * from './facilities';
export * from './resources';
export * from './lessons';
