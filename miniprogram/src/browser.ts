// WeChat has no keyboard focus nor native HTML controls: browser.css (browser rules) stays out of WXSS.
export {};
