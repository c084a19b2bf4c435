import type { PropsWithChildren } from 'react';
import './app.css';
// focus ring and native controls, in the browser only (browser.h5.ts)
import './browser';
// the weapp's DOM, made whole for Preact (dom.ts)

function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
