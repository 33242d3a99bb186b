import { avatarHue, initialsOf } from './avatar-look';

/** A round avatar: the client's picture, or their initials on a calm colour. */
export function Avatar(props: { name: string; seed: string; url: string | null; size?: number }) {
  const size = props.size ?? 40;
  if (props.url) {
    return (
      <img className="avatar" src={props.url} alt="" width={size} height={size} loading="lazy" />
    );
  }
  const hue = avatarHue(props.seed);
  return (
    <span
      className="avatar"
      aria-hidden="true"
      style={{
        width: size,
        height: size,
        fontSize: Math.round(size * 0.38),
        background: `hsl(${hue} 55% 90%)`,
        color: `hsl(${hue} 45% 32%)`,
      }}
    >
      {initialsOf(props.name)}
    </span>
  );
}
