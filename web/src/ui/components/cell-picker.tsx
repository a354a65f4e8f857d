import { useId, useState } from 'react';

const MAX_SHOWN = 24;

/** Pick several cells from up to hundreds: type to narrow, tick to choose; chosen ones stay listed first. */
export function CellPicker({
  cells,
  value,
  onChange,
  label,
}: {
  cells: readonly string[];
  value: readonly string[];
  onChange: (cells: string[]) => void;
  label: string;
}) {
  const [filter, setFilter] = useState('');
  const id = useId();
  const needle = filter.trim().toLowerCase();
  const others = cells.filter((c) => !value.includes(c) && (!needle || c.toLowerCase().includes(needle)));
  const toggle = (cell: string) => onChange(value.includes(cell) ? value.filter((c) => c !== cell) : [...value, cell]);
  return (
    <fieldset className="cell-picker">
      <legend>{label}</legend>
      <label htmlFor={id} className="visually-hidden">
        Find a cell
      </label>
      <input
        id={id}
        type="search"
        placeholder="Find a cell"
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
      />
      <ul className="check-list">
        {[...value, ...others.slice(0, MAX_SHOWN)].map((cell) => (
          <li key={cell}>
            <label>
              <input type="checkbox" checked={value.includes(cell)} onChange={() => toggle(cell)} /> {cell}
            </label>
          </li>
        ))}
      </ul>
      {others.length > MAX_SHOWN && <p className="hint">{others.length - MAX_SHOWN} more; type to narrow.</p>}
    </fieldset>
  );
}
