// WeChat has no printer: the receipt is shown there, not printed, and print.css (browser rules) stays out of WXSS.
export {};
