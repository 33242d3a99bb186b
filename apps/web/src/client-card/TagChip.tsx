import { useLayoutEffect, useRef, type ReactNode } from 'react';
import { chipTextTone } from './card-editing';

/**
 * A tag in its colour. The colour is any `#rrggbb` an admin chose, so it is set as a CSS custom
 * property through the CSSOM (allowed by the style-src policy), never as a style attribute.
 */
export function TagChip(props: { name: string; colour: string; children?: ReactNode }) {
  const ref = useRef<HTMLSpanElement>(null);
  useLayoutEffect(() => {
    ref.current?.style.setProperty('--tag-colour', props.colour);
  }, [props.colour]);
  return (
    <span
      ref={ref}
      className={`chip chip--tag chip--${chipTextTone(props.colour)}`}
      data-testid="card-tag"
      data-tag={props.name}
    >
      <span className="chip__label">{props.name}</span>
      {props.children}
    </span>
  );
}
