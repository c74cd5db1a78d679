export * from './audit';
export * from './auth';
export * from './facilities';
export * from './lessons';
export * from './orgs';
export * from './resources';
