import type { ReactNode } from 'react';

/** A 16px line icon; decorative (the text beside it, or a hidden label, says what it means). */
function Icon(props: { children: ReactNode; className?: string }) {
  return (
    <svg
      className={`icon ${props.className ?? ''}`}
      viewBox="0 0 16 16"
      width="16"
      height="16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {props.children}
    </svg>
  );
}

export const ClockIcon = () => (
  <Icon className="icon--clock">
    <circle cx="8" cy="8" r="6" />
    <path d="M8 4.5V8l2.2 1.6" />
  </Icon>
);

export const CheckIcon = () => (
  <Icon className="icon--check">
    <path d="M3.5 8.5l3 3 6-7" />
  </Icon>
);

export const DoubleCheckIcon = () => (
  <Icon className="icon--double-check">
    <path d="M1.5 8.5l3 3 6-7" />
    <path d="M8 11.5l6-7" />
  </Icon>
);

export const AlertIcon = () => (
  <Icon className="icon--alert">
    <circle cx="8" cy="8" r="6" />
    <path d="M8 4.8v3.6M8 11h.01" />
  </Icon>
);

export const DotIcon = () => (
  <Icon className="icon--dot">
    <circle cx="8" cy="8" r="3.5" fill="currentColor" stroke="none" />
  </Icon>
);

export const BellIcon = () => (
  <Icon className="icon--bell">
    <path d="M4 11V7.5a4 4 0 018 0V11l1 1.2H3z" />
    <path d="M6.8 13.8a1.3 1.3 0 002.4 0" />
  </Icon>
);

export const SendIcon = () => (
  <Icon className="icon--send">
    <path d="M2.5 8h9M8 4l4 4-4 4" />
  </Icon>
);

export const PaperclipIcon = () => (
  <Icon className="icon--paperclip">
    <path d="M13 7.5l-5.3 5.3a3 3 0 01-4.2-4.2l5.6-5.6a2 2 0 012.8 2.8l-5.5 5.5a1 1 0 01-1.4-1.4l5-5" />
  </Icon>
);

export const MicrophoneIcon = () => (
  <Icon className="icon--microphone">
    <rect x="6" y="1.8" width="4" height="7.7" rx="2" />
    <path d="M3.5 7.8a4.5 4.5 0 009 0M8 12.3v2" />
  </Icon>
);
