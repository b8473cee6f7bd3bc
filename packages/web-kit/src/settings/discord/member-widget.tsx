import { useEffect, useId, useRef, useState } from 'react';
import type { WidgetProps } from '@rjsf/utils';
import type { SettingsMember } from '../types.js';
import { buttonClass, errorTextClass, hintClass, inputClass } from '../theme/classes.js';
import { describedBy } from '../theme/field-label.js';
import { useDiscordData } from './discord-data-context.js';

/** Wait after the last keystroke before searching, so typing a name costs one request. */
const SEARCH_DELAY_MS = 250;

type Search = { state: 'idle' } | { state: 'searching' } | { state: 'done'; members: SettingsMember[] } | { state: 'failed' };

function memberName(member: SettingsMember): string {
  return member.display_name ? `${member.display_name} (@${member.username})` : `@${member.username}`;
}

/**
 * Picks a guild member (`"x-baseline-widget": "member"`) by searching names: the field's label names the search
 * box, matches are buttons, and the chosen member (or the stored id, until one is chosen) is read out with it.
 */
export function MemberWidget(props: WidgetProps) {
  const { id, value, required, disabled, readonly, options, schema, rawErrors, hideLabel, onChange } = props;
  const { searchMembers } = useDiscordData();
  // The latest search function, so a caller passing a new one on every render does not restart a search.
  const latestSearch = useRef(searchMembers);
  useEffect(() => {
    latestSearch.current = searchMembers;
  }, [searchMembers]);
  const [query, setQuery] = useState('');
  const [search, setSearch] = useState<Search>({ state: 'idle' });
  const [chosen, setChosen] = useState<SettingsMember | undefined>(undefined);
  const selectedId = `${useId()}-selected`;
  const current = typeof value === 'string' && value !== '' ? value : undefined;

  useEffect(() => {
    const text = query.trim();
    if (text === '') {
      setSearch({ state: 'idle' });
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      setSearch({ state: 'searching' });
      latestSearch.current(text).then(
        (members) => live && setSearch({ state: 'done', members }),
        () => live && setSearch({ state: 'failed' }),
      );
    }, SEARCH_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query]);

  function choose(member: SettingsMember | undefined) {
    setChosen(member);
    setQuery('');
    onChange(member === undefined ? options.emptyValue : member.id);
  }

  const describedIds = [selectedId, describedBy(id, { description: !hideLabel && (options.description ?? schema.description), errors: rawErrors })]
    .filter(Boolean)
    .join(' ');
  const locked = disabled || readonly;
  return (
    <div className="flex min-w-0 flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2">
        <p id={selectedId} className={hintClass}>
          {current === undefined ? 'Nobody selected.' : `Selected: ${chosen?.id === current ? memberName(chosen) : `user ${current}`}`}
        </p>
        {current !== undefined && !required && (
          <button type="button" className={buttonClass} disabled={locked} onClick={() => choose(undefined)}>
            Clear
          </button>
        )}
      </div>
      <input
        id={id}
        type="search"
        autoComplete="off"
        className={inputClass}
        placeholder="Search members by name"
        value={query}
        disabled={locked}
        aria-invalid={rawErrors !== undefined && rawErrors.length > 0 ? true : undefined}
        aria-describedby={describedIds}
        onChange={(event) => setQuery(event.target.value)}
      />
      <div aria-live="polite">
        {search.state === 'searching' && <p className={hintClass}>Searching…</p>}
        {search.state === 'failed' && <p className={errorTextClass}>The member search failed; try again.</p>}
        {search.state === 'done' && search.members.length === 0 && <p className={hintClass}>No member matches “{query.trim()}”.</p>}
      </div>
      {search.state === 'done' && search.members.length > 0 && (
        <ul aria-label="Matching members" className="flex flex-col gap-1">
          {search.members.map((member) => (
            <li key={member.id}>
              <button type="button" className={`${buttonClass} w-full justify-start`} disabled={locked} onClick={() => choose(member)}>
                {memberName(member)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
