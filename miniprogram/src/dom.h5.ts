// The browser build renders with React into the real DOM, which has Node.contains (dom.ts is the weapp's).
export {};
