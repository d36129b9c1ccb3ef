export {
  COMMERCIAL_CLASS,
  COMMERCIAL_LABELS,
  commercialClass,
  type CommercialClass,
} from './commercial-class';
