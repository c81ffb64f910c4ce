import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { PanelState, PanelStore } from './panel-store';

/** The thin React binding over the vanilla store. */
export const StoreContext = createContext<PanelStore | null>(null);

export function usePanel<T>(selector: (s: PanelState) => T): T {
  const store = useContext(StoreContext);
  if (!store) throw new Error('usePanel outside <StoreContext.Provider>');
  return useStore(store, selector);
}
