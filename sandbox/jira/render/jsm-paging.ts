import { SITE_URL } from './format';

/** JSM's paged shape `{size, start, limit, isLastPage, values, _links}` over a full list. */
export function jsmPage<T>(all: T[], start: number, limit: number, path: string): Record<string, unknown> {
  const values = all.slice(start, start + limit);
  const isLastPage = start + values.length >= all.length;
  const self = `${SITE_URL}${path}`;
  return {
    size: values.length,
    start,
    limit,
    isLastPage,
    values,
    _links: {
      base: SITE_URL,
      context: '',
      self,
      ...(isLastPage ? {} : { next: `${self}?start=${start + limit}&limit=${limit}` }),
      ...(start > 0 ? { prev: `${self}?start=${Math.max(0, start - limit)}&limit=${limit}` } : {}),
    },
  };
}
