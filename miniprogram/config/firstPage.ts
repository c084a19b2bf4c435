/**
 * H5 only: a post's link opens the report form, whose code is a chunk of its own that the app asks for only once its
 * own code has run. index.html asks for that chunk at once, beside the app's code (a preload), when the link is a
 * post's: this plugin writes the chunk's files into index.html where it says `[/*report page*\/]`.
 */
import HtmlWebpackPlugin from 'html-webpack-plugin';
import type { Chunk, Compilation, Compiler } from 'webpack';

const PAGE = /[\\/]src[\\/]pages[\\/]report[\\/]index\.tsx$/;
const PLACEHOLDER = '[/*report page*/]';

/** The script files of the chunks the report page's import loads (not those every page loads at start). */
export function reportPageFiles(compilation: Compilation): string[] {
  const page = [...compilation.chunks].find((chunk) =>
    compilation.chunkGraph.getChunkModules(chunk).some((m) => PAGE.test(m.nameForCondition() ?? '')),
  );
  if (!page) throw new Error('firstPage: no chunk holds pages/report/index.tsx');
  const chunks = new Set<Chunk>();
  for (const group of page.groupsIterable) for (const c of group.chunks) if (!c.canBeInitial()) chunks.add(c);
  return [...chunks].flatMap((c) => [...c.files].filter((f) => f.endsWith('.js')));
}

export class ReportPagePreload {
  apply(compiler: Compiler) {
    compiler.hooks.compilation.tap('ReportPagePreload', (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).beforeEmit.tap('ReportPagePreload', (data) => {
        if (!data.html.includes(PLACEHOLDER)) throw new Error(`firstPage: index.html has no ${PLACEHOLDER}`);
        const base = String(compilation.outputOptions.publicPath ?? '/');
        data.html = data.html.replace(PLACEHOLDER, JSON.stringify(reportPageFiles(compilation).map((f) => base + f)));
        return data;
      });
    });
  }
}
