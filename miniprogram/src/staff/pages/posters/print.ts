// WeChat has no printer: a poster is shown there, not printed, and print.css (browser rules) stays out of WXSS.
export {};
