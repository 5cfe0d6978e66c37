// Kernels with several implementations ("backends") that compute exactly the same thing: a TypeScript reference and
// faster ones (WebAssembly today; a native or message-passing engine later). Modelled on tfjs's kernel registry
// (registerKernel keys one implementation by kernel and backend name, and throws on a duplicate; a backend's priority
// picks the default): a kernel names its backends, a solver binds one by name or asks for the fastest, and one parity
// suite (@densebench/conformance, describeKernelParity) runs every backend of every kernel against the reference, state
// for state.
//
// Not to be confused with a plugin's `kernels` (PluginKernel in plugin.ts): those are inner steps timed by
// `densebench kernels`; a registry kernel is one operation a plugin's step calls.

/** Asks for the backend of highest priority rather than for one by name. */
export const FASTEST_BACKEND = 'fastest';

/** One implementation of a kernel that works on states of type S; `Op` is the operation bound to one state. */
export interface KernelBackend<S, Op> {
  /** Short lowercase name, unique within its kernel: 'ts', 'wasm' … */
  readonly name: string;
  /** The backend FASTEST_BACKEND picks is the one of highest priority (the reference has 0). */
  readonly priority: number;
  /**
   * Prepares this backend for one state (copies what stays constant, allocates its buffers) and returns the operation
   * on it, the call a hot loop makes. The state stays the caller's: the operation reads and leaves it as the reference's
   * does, so backends can be swapped between two calls.
   */
  bind(state: S): Op;
}

/** A kernel bound to one state: the operation, and which kernel and backend it came from. */
export interface BoundKernel<Op> {
  readonly kernel: string;
  readonly backend: string;
  readonly op: Op;
}

const BACKEND_NAME = /^[a-z][a-z0-9-]*$/;

/** One operation with its backends. Made by defineKernel; faster backends are added with `register`. */
export class Kernel<S, Op> {
  private readonly backendsByName = new Map<string, KernelBackend<S, Op>>();

  constructor(
    readonly name: string,
    /** The implementation the others must reproduce exactly (the readable TypeScript one). */
    readonly reference: KernelBackend<S, Op>,
  ) {
    this.register(reference);
  }

  /** Adds a backend; throws on a name already taken (or 'fastest'). Returns the kernel, so that calls chain. */
  register(backend: KernelBackend<S, Op>): this {
    if (!BACKEND_NAME.test(backend.name) || backend.name === FASTEST_BACKEND) {
      throw new Error(`kernel "${this.name}": "${backend.name}" cannot name a backend (lowercase letters, digits and dashes; not "${FASTEST_BACKEND}")`);
    }
    if (this.backendsByName.has(backend.name)) throw new Error(`kernel "${this.name}": backend "${backend.name}" is already registered`);
    this.backendsByName.set(backend.name, backend);
    return this;
  }

  /** The backends' names, fastest (highest priority) first. */
  get backends(): string[] {
    return [...this.backendsByName.values()].sort((a, b) => b.priority - a.priority).map((b) => b.name);
  }

  /** The backend of that name, or the fastest for FASTEST_BACKEND; throws naming the backends there are. */
  backend(name: string): KernelBackend<S, Op> {
    const found = this.backendsByName.get(name === FASTEST_BACKEND ? this.backends[0]! : name);
    if (!found) throw new Error(`kernel "${this.name}" has no backend "${name}" (backends: ${this.backends.join(', ')})`);
    return found;
  }

  /** Binds the named backend (the fastest by default) to `state`. */
  bind(state: S, backend: string = FASTEST_BACKEND): BoundKernel<Op> {
    const chosen = this.backend(backend);
    return { kernel: this.name, backend: chosen.name, op: chosen.bind(state) };
  }
}

const registry = new Map<string, Kernel<never, unknown>>();

/** Defines a kernel by its name and its reference backend, and registers it; throws when the name is taken. */
export function defineKernel<S, Op>(name: string, reference: KernelBackend<S, Op>): Kernel<S, Op> {
  if (registry.has(name)) throw new Error(`kernel "${name}" is already defined`);
  const kernel = new Kernel(name, reference);
  registry.set(name, kernel);
  return kernel;
}

/** Every kernel defined so far (by the modules imported so far), in definition order: what the parity suite runs over. */
export function registeredKernels(): readonly Kernel<never, unknown>[] {
  return [...registry.values()];
}
