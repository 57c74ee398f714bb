import { createContext, useContext } from 'react';
import type { UserResponse } from '@auth/client';

export interface AppState {
  /** Null when signed out. */
  user: UserResponse | null;
  /** A sign-in, or a call that changed the user. */
  setUser: (user: UserResponse | null) => void;
  reloadUser: () => Promise<void>;
  /** The status line under the header; stays until the next message or a click on a link. */
  say: (text: string) => void;
  /** The login's password is now refused as weak: the profile asks for a new one until it is changed. */
  passwordChangeRequired: boolean;
  setPasswordChangeRequired: (required: boolean) => void;
}

export const AppContext = createContext<AppState | null>(null);

export function useApp(): AppState {
  const state = useContext(AppContext);
  if (!state) {
    throw new Error('useApp outside <App>');
  }

  return state;
}
