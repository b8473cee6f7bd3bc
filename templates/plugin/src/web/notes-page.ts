import { createElement } from 'react';

/** The plugin's dashboard page. */
export default function NotesPage() {
  return createElement('section', null, createElement('h1', null, 'Notes'), createElement('p', null, 'Members keep notes with /note add.'));
}
