// babel-preset-taro: https://docs.taro.zone/docs/next/babel-config
// Targets: WeChat's JS engines on iOS 12+ / Chrome 70+ (Android) run async functions and classes natively, so the code is
// not compiled down to ES5 with regenerator (that would cost the main package tens of KiB).
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5', targets: { ios: '12', chrome: '70' } }]],
};
