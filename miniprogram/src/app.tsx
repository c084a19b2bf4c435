import type { PropsWithChildren } from 'react';
import './app.css';
// focus ring and native controls, in the browser only (browser.h5.ts)
import './browser';

function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
