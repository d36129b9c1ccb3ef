export { classifyComment, isCustomerAuthor, type TicketParties } from './comment-author';
