// H5 only (Taro picks this file over ./print.ts when building for the browser): the rules for printing a receipt.
import './print.css';
