// H5 only (Taro picks this file over ./print.ts when building for the browser): the rules for printing posters.
import './print.css';
