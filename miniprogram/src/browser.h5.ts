// H5 only (Taro picks this file over ./browser.ts when building for the browser): focus ring and native controls.
import './browser.css';
