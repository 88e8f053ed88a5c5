/** Embed mode (`?embed=1`): editor and stepping only, compact, read-only unless `&edit=1`. */
export interface EmbedMode {
  embedded: boolean;
  editable: boolean;
}

export function embedMode(search: string = typeof location === 'undefined' ? '' : location.search): EmbedMode {
  const params = new URLSearchParams(search);
  const embedded = params.get('embed') === '1';
  return { embedded, editable: !embedded || params.get('edit') === '1' };
}
