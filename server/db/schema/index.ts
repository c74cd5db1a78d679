export * from './audit';
export * from './auth';
export * from './exchanges';
export * from './facilities';
export * from './lessons';
export * from './orgs';
export * from './public-pages';
export * from './resources';
