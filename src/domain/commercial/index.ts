export { COMMERCIAL_CLASS, commercialClass } from './commercial-class';
