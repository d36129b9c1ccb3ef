export {
  classifyComment,
  isCustomerAuthor,
  type CommentFacts,
  type CommentOrigin,
  type TicketParties,
} from './comment-author';
