// Run a Python file or module under Pyodide (CPython compiled to WebAssembly,
// the Python of browser notebooks such as JupyterLite and PyScript) in Node.js,
// offline: the npm package `pyodide` ships the interpreter and its standard library.
//
//   node .ci/run_pyodide.mjs pureneuron.py [ARGS...]      like `python pureneuron.py ARGS`
//   node .ci/run_pyodide.mjs --mount DIR -m pytest [ARGS]  like `cd DIR && python -m pytest ARGS`
//   node .ci/run_pyodide.mjs -c "import sys; print(sys.version)"
//   node .ci/run_pyodide.mjs --mount DIR -c CODE     CODE run in DIR
//
// A FILE is read on the host and written into Pyodide's virtual file system, as a
// notebook user uploads it; --mount DIR instead shows the host folder DIR inside
// Pyodide (at /mnt/DIR's name) and runs there; --also DIR shows another folder
// beside it (at /mnt/its name), such as ../shared.  --path DIR mounts DIR too and puts
// it on sys.path (where pytest was unpacked).  Where Pyodide is: PYODIDE_DIR (the
// folder holding pyodide.mjs), else the `pyodide` package Node finds itself.
// Python's standard output and error go to ours byte for byte; the exit status is
// Python's.

import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const USAGE = "usage: run_pyodide.mjs [--mount DIR] [--also DIR]... [--path DIR]... " +
  "(FILE | -m MODULE | -c CODE) [ARGS...]";

function parseArguments(argv) {
  const options = { mount: null, also: [], paths: [], file: null, module: null, code: null,
                    args: [] };
  let i = 0;
  for (; i < argv.length; i++) {
    const word = argv[i];
    if (["--mount", "--also", "--path"].includes(word) && i + 1 < argv.length) {
      if (word === "--mount") options.mount = argv[++i];
      else if (word === "--also") options.also.push(argv[++i]);
      else options.paths.push(argv[++i]);
    } else if ((word === "-m" || word === "-c") && i + 1 < argv.length) {
      options[word === "-m" ? "module" : "code"] = argv[++i];
      i++;
      break;
    } else if (word.startsWith("-")) {
      throw new Error(`unknown option ${word}\n${USAGE}`);
    } else {
      options.file = word;
      i++;
      break;
    }
  }
  if (!options.file && !options.module && options.code === null) throw new Error(USAGE);
  options.args = argv.slice(i);
  return options;
}

async function loadPyodideFromDisk() {
  const dir = process.env.PYODIDE_DIR;
  const where = dir ? pathToFileURL(path.join(path.resolve(dir), "pyodide.mjs")).href : "pyodide";
  const { loadPyodide } = await import(where);
  return loadPyodide();
}

// Everything Python writes reaches our file descriptors unchanged and in order.
function writerTo(fd) {
  return { write: (buffer) => fs.writeSync(fd, buffer), isatty: false };
}

// Show a host folder inside Pyodide under /mnt; return where.
function mounted(pyodide, hostDir) {
  const inside = "/mnt/" + path.basename(path.resolve(hostDir));
  if (!pyodide.FS.analyzePath(inside).exists) pyodide.mountNodeFS(inside, path.resolve(hostDir));
  return inside;
}

// Like the `python` command: run as __main__, turn SystemExit into the status.
const RUN = `
import os, runpy, sys, traceback
sys.dont_write_bytecode = True
def _run(file, module, code, args, paths, cwd):
    sys.path[:0] = [path for path in paths if path not in sys.path]
    os.chdir(cwd)
    try:
        if code is not None:
            sys.argv = ["-c"] + list(args)
            exec(compile(code, "<string>", "exec"), {"__name__": "__main__"})
        elif module:
            sys.argv = [module] + list(args)
            sys.path.insert(0, cwd)
            runpy.run_module(module, run_name="__main__", alter_sys=True)
        else:
            sys.argv = [file] + list(args)
            sys.path.insert(0, os.path.dirname(os.path.abspath(file)))
            runpy.run_path(file, run_name="__main__")
        status = 0
    except SystemExit as stop:
        if stop.code is None or isinstance(stop.code, int):
            status = stop.code or 0
        else:
            print(stop.code, file=sys.stderr)
            status = 1
    except BaseException:
        traceback.print_exc()
        status = 1
    sys.stdout.flush()
    sys.stderr.flush()
    return status
_run
`;

async function main() {
  const options = parseArguments(process.argv.slice(2));
  const pyodide = await loadPyodideFromDisk();
  pyodide.setStdout(writerTo(1));
  pyodide.setStderr(writerTo(2));
  let cwd = "/home/pyodide";
  if (options.mount) cwd = mounted(pyodide, options.mount);
  options.also.forEach((dir) => mounted(pyodide, dir));
  const paths = options.paths.map((dir) => mounted(pyodide, dir));
  let file = null;
  if (options.file) {
    // As a notebook user uploads it: the file's text, written into the virtual disk.
    file = path.posix.join(cwd, path.basename(options.file));
    if (!options.mount) pyodide.FS.writeFile(file, fs.readFileSync(options.file));
  }
  const run = pyodide.runPython(RUN);
  // undefined, not null, becomes Python's None
  const status = run(file ?? undefined, options.module ?? undefined, options.code ?? undefined,
                     pyodide.toPy(options.args), pyodide.toPy(paths), cwd);
  run.destroy();
  return status;
}

main().then(
  (status) => { process.exitCode = status; },
  (error) => { console.error(`run_pyodide.mjs: error: ${error.message}`); process.exitCode = 2; },
);
