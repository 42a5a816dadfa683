export class SearchIndex {
static __wrap(ptr) {
const obj = Object.create(SearchIndex.prototype);
obj.__wbg_ptr = ptr;
SearchIndexFinalization.register(obj, obj.__wbg_ptr, obj);
return obj;
}
__destroy_into_raw() {
const ptr = this.__wbg_ptr;
this.__wbg_ptr = 0;
SearchIndexFinalization.unregister(this);
return ptr;
}
free() {
const ptr = this.__destroy_into_raw();
wasm.__wbg_searchindex_free(ptr, 0);
}
static fromJson(text) {
const ptr0 = passStringToWasm0(text, wasm.__wbindgen_malloc, wasm.__wbindgen_realloc);
const len0 = WASM_VECTOR_LEN;
const ret = wasm.searchindex_fromJson(ptr0, len0);
if (ret[2]) {
throw takeFromExternrefTable0(ret[1]);
}
return SearchIndex.__wrap(ret[0]);
}
search(query, top) {
const val2 = +top;
const ptr0 = passStringToWasm0(query, wasm.__wbindgen_malloc, wasm.__wbindgen_realloc);
const len0 = WASM_VECTOR_LEN;
const ret = wasm.searchindex_search(this.__wbg_ptr, ptr0, len0, val2);
var v3 = getArrayJsValueFromWasm0(ret[0], ret[1]);
wasm.__wbindgen_free(ret[0], ret[1] * 4, 4);
return v3;
}
get size() {
const ret = wasm.searchindex_size(this.__wbg_ptr);
return ret >>> 0;
}
}
if (Symbol.dispose) SearchIndex.prototype[Symbol.dispose] = SearchIndex.prototype.free;
export class Widget {
static __wrap(ptr) {
const obj = Object.create(Widget.prototype);
obj.__wbg_ptr = ptr;
WidgetFinalization.register(obj, obj.__wbg_ptr, obj);
return obj;
}
__destroy_into_raw() {
const ptr = this.__wbg_ptr;
this.__wbg_ptr = 0;
WidgetFinalization.unregister(this);
return ptr;
}
free() {
const ptr = this.__destroy_into_raw();
wasm.__wbg_widget_free(ptr, 0);
}
destroy() {
wasm.widget_destroy(this.__wbg_ptr);
}
}
if (Symbol.dispose) Widget.prototype[Symbol.dispose] = Widget.prototype.free;
export function mount(host, root, kind) {
const ptr0 = passStringToWasm0(kind, wasm.__wbindgen_malloc, wasm.__wbindgen_realloc);
const len0 = WASM_VECTOR_LEN;
const ret = wasm.mount(host, root, ptr0, len0);
return ret === 0 ? undefined : Widget.__wrap(ret);
}
export function set_base_url(url) {
const ptr0 = passStringToWasm0(url, wasm.__wbindgen_malloc, wasm.__wbindgen_realloc);
const len0 = WASM_VECTOR_LEN;
wasm.set_base_url(ptr0, len0);
}
export function version() {
let deferred1_0;
let deferred1_1;
try {
const ret = wasm.version();
deferred1_0 = ret[0];
deferred1_1 = ret[1];
return getStringFromWasm0(ret[0], ret[1]);
} finally {
wasm.__wbindgen_free(deferred1_0, deferred1_1, 1);
}
}
export function wasmMemoryBytes() {
const ret = wasm.wasmMemoryBytes();
return ret;
}
function __wbg_get_imports() {
const import0 = {
__proto__: null,
ca: function(arg0, arg1) {
const ret = Error(getStringFromWasm0(arg0, arg1));
return ret;
},
cd: function(arg0) {
const v = arg0;
const ret = typeof(v) === 'boolean' ? v : undefined;
return isLikeNone(ret) ? 0xFFFFFF : ret ? 1 : 0;
},
bZ: function(arg0) {
const ret = !arg0;
return ret;
},
ce: function(arg0) {
const ret = typeof(arg0) === 'function';
return ret;
},
cf: function(arg0) {
const ret = arg0 === undefined;
return ret;
},
cg: function() {
const ret = wasm.memory;
return ret;
},
cb: function(arg0, arg1) {
const obj = arg1;
const ret = typeof(obj) === 'number' ? obj : undefined;
getDataViewMemory0().setFloat64((arg0 >>> 0) + 8 * 1, isLikeNone(ret) ? 0 : ret, true);
getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 0, !isLikeNone(ret), true);
},
cc: function(arg0, arg1) {
const obj = arg1;
const ret = typeof(obj) === 'string' ? obj : undefined;
var ptr1 = isLikeNone(ret) ? 0 : passStringToWasm0(ret, wasm.__wbindgen_malloc, wasm.__wbindgen_realloc);
var len1 = WASM_VECTOR_LEN;
getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 1, len1, true);
getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 0, ptr1, true);
},
bY: function(arg0, arg1) {
throw new Error(getStringFromWasm0(arg0, arg1));
},
ch: function(arg0) {
arg0._wbg_cb_unref();
},
ap: function(arg0) {
arg0.abort();
},
aj: function() { return handleError(function (arg0, arg1, arg2, arg3) {
arg0.addEventListener(getStringFromWasm0(arg1, arg2), arg3);
}, arguments); },
aA: function() { return handleError(function (arg0, arg1, arg2) {
arg0.add(getStringFromWasm0(arg1, arg2));
}, arguments); },
a: function(arg0, arg1) {
arg0.appendChild(arg1);
},
I: function() { return handleError(function (arg0, arg1) {
const ret = arg0.appendChild(arg1);
return ret;
}, arguments); },
ax: function(arg0, arg1, arg2, arg3, arg4) {
arg0.append(getStringFromWasm0(arg1, arg2), getStringFromWasm0(arg3, arg4));
},
aZ: function(arg0) {
const ret = arg0.arrayBuffer();
return ret;
},
aL: function() { return handleError(function (arg0, arg1) {
const ret = arg1.baseURI;
var ptr1 = isLikeNone(ret) ? 0 : passStringToWasm0(ret, wasm.__wbindgen_malloc, wasm.__wbindgen_realloc);
var len1 = WASM_VECTOR_LEN;
getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 1, len1, true);
getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 0, ptr1, true);
}, arguments); },
by: function(arg0) {
const ret = arg0.buffer;
return ret;
},
bz: function(arg0) {
const ret = arg0.byteLength;
return ret;
},
i: function() { return handleError(function (arg0, arg1, arg2) {
const ret = arg0.call(arg1, arg2);
return ret;
}, arguments); },
S: function(arg0) {
const ret = arg0.checked;
return ret;
},
bf: function(arg0) {
const ret = arg0.classList;
return ret;
},
aO: function(arg0, arg1, arg2) {
arg0.clearMarks(getStringFromWasm0(arg1, arg2));
},
C: function(arg0, arg1) {
arg0.clearTimeout(arg1);
},
v: function(arg0) {
arg0.click();
},
Y: function() { return handleError(function (arg0, arg1, arg2) {
const ret = arg0.closest(getStringFromWasm0(arg1, arg2));
return isLikeNone(ret) ? 0 : addToExternrefTable0(ret);
}, arguments); },
P: function(arg0, arg1) {
const ret = arg0.contains(arg1);
return ret;
},
y: function(arg0) {
const ret = arg0.createDocumentFragment();
return ret;
},
e: function(arg0, arg1, arg2, arg3) {
const ret = document.createElementNS(getStringFromWasm0(arg0, arg1), getStringFromWasm0(arg2, arg3));
return ret;
},
d: function(arg0, arg1) {
const ret = document.createElement(getStringFromWasm0(arg0, arg1));
return ret;
},
M: function() { return handleError(function (arg0, arg1) {
const ret = URL.createObjectURL(arg1);
const ptr1 = passStringToWasm0(ret, wasm.__wbindgen_malloc, wasm.__wbindgen_realloc);
const len1 = WASM_VECTOR_LEN;
getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 1, len1, true);
getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 0, ptr1, true);
}, arguments); },
k: function(arg0, arg1) {
const ret = document.createTextNode(getStringFromWasm0(arg0, arg1));
return ret;
},
aD: function(arg0, arg1, arg2) {
arg0.delete(getStringFromWasm0(arg1, arg2));
},
aw: function() { return handleError(function (arg0, arg1) {
const ret = arg0.dispatchEvent(arg1);
return ret;
}, arguments); },
aF: function(arg0) {
const ret = arg0.document;
return isLikeNone(ret) ? 0 : addToExternrefTable0(ret);
},
D: function(arg0, arg1, arg2, arg3) {
const ret = arg0.fetch(getStringFromWasm0(arg1, arg2), arg3);
return ret;
},
U: function(arg0) {
const ret = arg0.files;
return isLikeNone(ret) ? 0 : addToExternrefTable0(ret);
},
bb: function(arg0) {
const ret = arg0.firstChild;
return isLikeNone(ret) ? 0 : addToExternrefTable0(ret);
},
w: function() { return handleError(function (arg0) {
arg0.focus();
}, arguments); },
aK: function(arg0, arg1, arg2) {
const ret = arg0.getAll(getStringFromWasm0(arg1, arg2));
return ret;
},
Z: function(arg0, arg1, arg2, arg3) {
const ret = arg1.getAttribute(getStringFromWasm0(arg2, arg3));
var ptr1 = isLikeNone(ret) ? 0 : passStringToWasm0(ret, wasm.__wbindgen_malloc, wasm.__wbindgen_realloc);
var len1 = WASM_VECTOR_LEN;
getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 1, len1, true);
getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 0, ptr1, true);
},
bG: function(arg0) {
const ret = arg0.getDate();
return ret;
},
bH: function(arg0) {
const ret = arg0.getFullYear();
return ret;
},
bI: function(arg0) {
const ret = arg0.getHours();
return ret;
},
am: function() { return handleError(function (arg0, arg1, arg2, arg3) {
const ret = arg1.getItem(getStringFromWasm0(arg2, arg3));
var ptr1 = isLikeNone(ret) ? 0 : passStringToWasm0(ret, wasm.__wbindgen_malloc, wasm.__wbindgen_realloc);
var len1 = WASM_VECTOR_LEN;
getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 1, len1, true);
getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 0, ptr1, true);
}, arguments); },
bJ: function(arg0) {
const ret = arg0.getMinutes();
return ret;
},
bK: function(arg0) {
const ret = arg0.getMonth();
return ret;
},
bL: function(arg0) {
const ret = arg0.getSeconds();
return ret;
},
bM: function(arg0) {
const ret = arg0.getTime();
return ret;
},
bN: function(arg0) {
const ret = arg0.getTimezoneOffset();
return ret;
},
aJ: function(arg0, arg1, arg2, arg3) {
const ret = arg1.get(getStringFromWasm0(arg2, arg3));
var ptr1 = isLikeNone(ret) ? 0 : passStringToWasm0(ret, wasm.__wbindgen_malloc, wasm.__wbindgen_realloc);
var len1 = WASM_VECTOR_LEN;
getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 1, len1, true);
getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 0, ptr1, true);
},
bR: function() { return handleError(function (arg0, arg1) {
const ret = Reflect.get(arg0, arg1);
return ret;
}, arguments); },
f: function(arg0, arg1) {
const ret = arg0[arg1 >>> 0];
return ret;
},
aa: function(arg0, arg1, arg2) {
const ret = arg0.hasAttribute(getStringFromWasm0(arg1, arg2));
return ret;
},
aU: function() { return handleError(function (arg0) {
const ret = arg0.history;
return ret;
}, arguments); },
ag: function(arg0, arg1) {
const ret = arg1.href;
const ptr1 = passStringToWasm0(ret, wasm.__wbindgen_malloc, wasm.__wbindgen_realloc);
const len1 = WASM_VECTOR_LEN;
getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 1, len1, true);
getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 0, ptr1, true);
},
ad: function() { return handleError(function (arg0, arg1) {
const ret = arg1.href;
const ptr1 = passStringToWasm0(ret, wasm.__wbindgen_malloc, wasm.__wbindgen_realloc);
const len1 = WASM_VECTOR_LEN;
getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 1, len1, true);
getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 0, ptr1, true);
}, arguments); },
ba: function(arg0, arg1) {
const ret = arg1.id;
const ptr1 = passStringToWasm0(ret, wasm.__wbindgen_malloc, wasm.__wbindgen_realloc);
const len1 = WASM_VECTOR_LEN;
getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 1, len1, true);
getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 0, ptr1, true);
},
bn: function(arg0) {
let result;
try {
result = arg0 instanceof Element;
} catch (_) {
result = false;
}
const ret = result;
return ret;
},
bX: function(arg0) {
let result;
try {
result = arg0 instanceof Error;
} catch (_) {
result = false;
}
const ret = result;
return ret;
},
bp: function(arg0) {
let result;
try {
result = arg0 instanceof HTMLElement;
} catch (_) {
result = false;
}
const ret = result;
return ret;
},
bq: function(arg0) {
let result;
try {
result = arg0 instanceof HTMLInputElement;
} catch (_) {
result = false;
}
const ret = result;
return ret;
},
br: function(arg0) {
let result;
try {
result = arg0 instanceof HTMLSelectElement;
} catch (_) {
result = false;
}
const ret = result;
return ret;
},
bs: function(arg0) {
let result;
try {
result = arg0 instanceof Node;
} catch (_) {
result = false;
}
const ret = result;
return ret;
},
bo: function(arg0) {
let result;
try {
result = arg0 instanceof Response;
} catch (_) {
result = false;
}
const ret = result;
return ret;
},
bm: function(arg0) {
let result;
try {
result = arg0 instanceof Window;
} catch (_) {
result = false;
}
const ret = result;
return ret;
},
aQ: function(arg0) {
const ret = arg0.isConnected;
return ret;
},
an: function(arg0, arg1) {
const ret = arg0.item(arg1 >>> 0);
return isLikeNone(ret) ? 0 : addToExternrefTable0(ret);
},
ai: function(arg0, arg1) {
const ret = arg0.item(arg1 >>> 0);
return isLikeNone(ret) ? 0 : addToExternrefTable0(ret);
},
bB: function(arg0) {
const ret = arg0.length;
return ret;
},
ac: function(arg0) {
const ret = arg0.length;
return ret;
},
ae: function(arg0) {
const ret = arg0.length;
return ret;
},
g: function(arg0) {
const ret = arg0.length;
return ret;
},
z: function() { return handleError(function (arg0) {
const ret = arg0.localStorage;
return isLikeNone(ret) ? 0 : addToExternrefTable0(ret);
}, arguments); },
aR: function(arg0) {
const ret = arg0.location;
return ret;
},
bd: function() { return handleError(function (arg0, arg1, arg2) {
arg0.mark(getStringFromWasm0(arg1, arg2));
}, arguments); },
bj: function() { return handleError(function (arg0, arg1, arg2, arg3, arg4) {
arg0.measure(getStringFromWasm0(arg1, arg2), getStringFromWasm0(arg3, arg4));
}, arguments); },
bD: function(arg0) {
const ret = arg0.message;
return ret;
},
aE: function(arg0, arg1) {
const ret = arg1.name;
const ptr1 = passStringToWasm0(ret, wasm.__wbindgen_malloc, wasm.__wbindgen_realloc);
const len1 = WASM_VECTOR_LEN;
getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 1, len1, true);
getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 0, ptr1, true);
},
bF: function() {
const ret = new Date();
return ret;
},
bA: function(arg0) {
const ret = new Uint8Array(arg0);
return ret;
},
ab: function() { return handleError(function () {
const ret = new Headers();
return ret;
}, arguments); },
bw: function() {
const ret = new Array();
return ret;
},
ak: function() { return handleError(function () {
const ret = new AbortController();
return ret;
}, arguments); },
aB: function() { return handleError(function () {
const ret = new CSSStyleSheet();
return ret;
}, arguments); },
H: function() { return handleError(function (arg0, arg1) {
const ret = new URL(getStringFromWasm0(arg0, arg1));
return ret;
}, arguments); },
c: function(arg0, arg1) {
try {
var state0 = {a: arg0, b: arg1};
var cb0 = (arg0, arg1) => {
const a = state0.a;
state0.a = 0;
try {
return wasm_bindgen_bee93ef62a8484b8___convert__closures_____invoke___js_sys_d97c3c115c904802___Function_fn_wasm_bindgen_bee93ef62a8484b8___JsValue_____wasm_bindgen_bee93ef62a8484b8___sys__Undefined___js_sys_d97c3c115c904802___Function_fn_wasm_bindgen_bee93ef62a8484b8___JsValue_____wasm_bindgen_bee93ef62a8484b8___sys__Undefined_______true_(a, state0.b, arg0, arg1);
} finally {
state0.a = a;
}
};
const ret = new Promise(cb0);
return ret;
} finally {
state0.a = 0;
}
},
bO: function() {
const ret = new Object();
return ret;
},
L: function() { return handleError(function (arg0, arg1, arg2, arg3) {
const ret = new URL(getStringFromWasm0(arg0, arg1), getStringFromWasm0(arg2, arg3));
return ret;
}, arguments); },
aH: function() { return handleError(function (arg0, arg1, arg2) {
const ret = new CustomEvent(getStringFromWasm0(arg0, arg1), arg2);
return ret;
}, arguments); },
au: function() { return handleError(function (arg0, arg1) {
const ret = new URLSearchParams(getStringFromWasm0(arg0, arg1));
return ret;
}, arguments); },
aW: function() { return handleError(function (arg0, arg1) {
const ret = new Blob(arg0, arg1);
return ret;
}, arguments); },
E: function(arg0) {
const ret = arg0.now();
return ret;
},
bx: function(arg0) {
const ret = Array.of(arg0);
return ret;
},
aX: function(arg0) {
const ret = arg0.parentElement;
return isLikeNone(ret) ? 0 : addToExternrefTable0(ret);
},
bE: function(arg0, arg1) {
const ret = Number.parseFloat(getStringFromWasm0(arg0, arg1));
return ret;
},
bQ: function() { return handleError(function (arg0, arg1) {
const ret = JSON.parse(getStringFromWasm0(arg0, arg1));
return ret;
}, arguments); },
A: function(arg0) {
const ret = arg0.performance;
return isLikeNone(ret) ? 0 : addToExternrefTable0(ret);
},
bi: function(arg0) {
arg0.preventDefault();
},
x: function() { return handleError(function (arg0) {
arg0.print();
}, arguments); },
bP: function(arg0, arg1, arg2) {
Uint8Array.prototype.set.call(getArrayU8FromWasm0(arg0, arg1), arg2);
},
aG: function() { return handleError(function (arg0, arg1, arg2, arg3, arg4, arg5) {
arg0.pushState(arg1, getStringFromWasm0(arg2, arg3), arg4 === 0 ? undefined : getStringFromWasm0(arg4, arg5));
}, arguments); },
h: function(arg0, arg1) {
const ret = arg0.push(arg1);
return ret;
},
bc: function() { return handleError(function (arg0, arg1, arg2) {
const ret = arg0.querySelectorAll(getStringFromWasm0(arg1, arg2));
return ret;
}, arguments); },
o: function() { return handleError(function (arg0, arg1, arg2) {
const ret = arg0.querySelectorAll(getStringFromWasm0(arg1, arg2));
return ret;
}, arguments); },
n: function() { return handleError(function (arg0, arg1, arg2) {
const ret = arg0.querySelector(getStringFromWasm0(arg1, arg2));
return isLikeNone(ret) ? 0 : addToExternrefTable0(ret);
}, arguments); },
bv: function(arg0) {
const ret = arg0.queueMicrotask;
return ret;
},
bC: function(arg0) {
queueMicrotask(arg0);
},
r: function() { return handleError(function (arg0, arg1, arg2) {
arg0.removeAttribute(getStringFromWasm0(arg1, arg2));
}, arguments); },
V: function() { return handleError(function (arg0, arg1) {
const ret = arg0.removeChild(arg1);
return ret;
}, arguments); },
az: function() { return handleError(function (arg0, arg1, arg2, arg3) {
arg0.removeEventListener(getStringFromWasm0(arg1, arg2), arg3);
}, arguments); },
av: function() { return handleError(function (arg0, arg1, arg2) {
arg0.removeItem(getStringFromWasm0(arg1, arg2));
}, arguments); },
be: function() { return handleError(function (arg0, arg1, arg2) {
arg0.remove(getStringFromWasm0(arg1, arg2));
}, arguments); },
u: function(arg0) {
arg0.remove();
},
aN: function() { return handleError(function (arg0, arg1, arg2, arg3, arg4, arg5) {
arg0.replaceState(arg1, getStringFromWasm0(arg2, arg3), arg4 === 0 ? undefined : getStringFromWasm0(arg4, arg5));
}, arguments); },
aS: function() { return handleError(function (arg0, arg1, arg2) {
arg0.replaceSync(getStringFromWasm0(arg1, arg2));
}, arguments); },
bu: function(arg0) {
const ret = Promise.resolve(arg0);
return ret;
},
O: function() { return handleError(function (arg0, arg1) {
URL.revokeObjectURL(getStringFromWasm0(arg0, arg1));
}, arguments); },
s: function(arg0) {
arg0.scrollIntoView();
},
bk: function(arg0) {
const ret = arg0.searchParams;
return ret;
},
aY: function() { return handleError(function (arg0, arg1) {
const ret = arg1.search;
const ptr1 = passStringToWasm0(ret, wasm.__wbindgen_malloc, wasm.__wbindgen_realloc);
const len1 = WASM_VECTOR_LEN;
getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 1, len1, true);
getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 0, ptr1, true);
}, arguments); },
t: function() { return handleError(function (arg0, arg1, arg2, arg3, arg4) {
arg0.setAttribute(getStringFromWasm0(arg1, arg2), getStringFromWasm0(arg3, arg4));
}, arguments); },
ay: function() { return handleError(function (arg0, arg1, arg2, arg3, arg4) {
arg0.setItem(getStringFromWasm0(arg1, arg2), getStringFromWasm0(arg3, arg4));
}, arguments); },
B: function() { return handleError(function (arg0, arg1, arg2) {
const ret = arg0.setTimeout(arg1, arg2);
return ret;
}, arguments); },
bS: function() { return handleError(function (arg0, arg1, arg2) {
const ret = Reflect.set(arg0, arg1, arg2);
return ret;
}, arguments); },
aT: function(arg0, arg1, arg2, arg3, arg4) {
arg0.set(getStringFromWasm0(arg1, arg2), getStringFromWasm0(arg3, arg4));
},
aM: function() { return handleError(function (arg0, arg1, arg2, arg3, arg4) {
arg0.set(getStringFromWasm0(arg1, arg2), getStringFromWasm0(arg3, arg4));
}, arguments); },
ar: function(arg0, arg1) {
arg0.body = arg1;
},
at: function(arg0, arg1) {
arg0.bubbles = arg1 !== 0;
},
aC: function(arg0, arg1) {
arg0.cancelable = arg1 !== 0;
},
T: function(arg0, arg1) {
arg0.checked = arg1 !== 0;
},
aI: function(arg0, arg1) {
arg0.composed = arg1 !== 0;
},
aP: function(arg0, arg1) {
arg0.detail = arg1;
},
K: function(arg0, arg1) {
arg0.disabled = arg1 !== 0;
},
N: function(arg0, arg1) {
arg0.disabled = arg1 !== 0;
},
aV: function(arg0, arg1) {
arg0.headers = arg1;
},
R: function(arg0, arg1) {
arg0.hidden = arg1 !== 0;
},
bg: function(arg0, arg1, arg2) {
arg0.method = getStringFromWasm0(arg1, arg2);
},
bh: function(arg0, arg1, arg2) {
arg0.search = getStringFromWasm0(arg1, arg2);
},
J: function(arg0, arg1) {
arg0.signal = arg1;
},
F: function(arg0, arg1, arg2) {
arg0.textContent = arg1 === 0 ? undefined : getStringFromWasm0(arg1, arg2);
},
as: function(arg0, arg1, arg2) {
arg0.type = getStringFromWasm0(arg1, arg2);
},
m: function(arg0, arg1, arg2) {
arg0.value = getStringFromWasm0(arg1, arg2);
},
q: function(arg0, arg1, arg2) {
arg0.value = getStringFromWasm0(arg1, arg2);
},
X: function(arg0, arg1, arg2) {
arg0.value = getStringFromWasm0(arg1, arg2);
},
af: function(arg0) {
const ret = arg0.signal;
return ret;
},
ah: function(arg0) {
const ret = arg0.size;
return ret;
},
bT: function() {
const ret = typeof globalThis === 'undefined' ? undefined : globalThis;
return isLikeNone(ret) ? 0 : addToExternrefTable0(ret);
},
bV: function() {
const ret = typeof global === 'undefined' ? undefined : global;
return isLikeNone(ret) ? 0 : addToExternrefTable0(ret);
},
bU: function() {
const ret = typeof self === 'undefined' ? undefined : self;
return isLikeNone(ret) ? 0 : addToExternrefTable0(ret);
},
bW: function() {
const ret = typeof window === 'undefined' ? undefined : window;
return isLikeNone(ret) ? 0 : addToExternrefTable0(ret);
},
ao: function(arg0) {
const ret = arg0.status;
return ret;
},
aq: function(arg0) {
const ret = arg0.target;
return isLikeNone(ret) ? 0 : addToExternrefTable0(ret);
},
bl: function(arg0, arg1) {
const ret = arg1.textContent;
var ptr1 = isLikeNone(ret) ? 0 : passStringToWasm0(ret, wasm.__wbindgen_malloc, wasm.__wbindgen_realloc);
var len1 = WASM_VECTOR_LEN;
getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 1, len1, true);
getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 0, ptr1, true);
},
G: function() { return handleError(function (arg0) {
const ret = arg0.text();
return ret;
}, arguments); },
b: function(arg0, arg1, arg2) {
const ret = arg0.then(arg1, arg2);
return ret;
},
bt: function(arg0, arg1) {
const ret = arg0.then(arg1);
return ret;
},
j: function(arg0) {
const ret = arg0.toString();
return ret;
},
Q: function() { return handleError(function (arg0, arg1, arg2, arg3) {
const ret = arg0.toggle(getStringFromWasm0(arg1, arg2), arg3 !== 0);
return ret;
}, arguments); },
al: function(arg0, arg1) {
const ret = arg1.type;
const ptr1 = passStringToWasm0(ret, wasm.__wbindgen_malloc, wasm.__wbindgen_realloc);
const len1 = WASM_VECTOR_LEN;
getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 1, len1, true);
getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 0, ptr1, true);
},
W: function(arg0, arg1) {
const ret = arg1.value;
const ptr1 = passStringToWasm0(ret, wasm.__wbindgen_malloc, wasm.__wbindgen_realloc);
const len1 = WASM_VECTOR_LEN;
getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 1, len1, true);
getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 0, ptr1, true);
},
p: function(arg0, arg1) {
const ret = arg1.value;
const ptr1 = passStringToWasm0(ret, wasm.__wbindgen_malloc, wasm.__wbindgen_realloc);
const len1 = WASM_VECTOR_LEN;
getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 1, len1, true);
getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 0, ptr1, true);
},
l: function(arg0, arg1) {
const ret = arg1.value;
const ptr1 = passStringToWasm0(ret, wasm.__wbindgen_malloc, wasm.__wbindgen_realloc);
const len1 = WASM_VECTOR_LEN;
getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 1, len1, true);
getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 0, ptr1, true);
},
cj: function(arg0, arg1) {
const ret = makeMutClosure(arg0, arg1, wasm_bindgen_bee93ef62a8484b8___convert__closures_____invoke___wasm_bindgen_bee93ef62a8484b8___JsValue______true_);
return ret;
},
ck: function(arg0, arg1) {
const ret = makeMutClosure(arg0, arg1, wasm_bindgen_bee93ef62a8484b8___convert__closures_____invoke___wasm_bindgen_bee93ef62a8484b8___JsValue__core_18bc8c6a83853fe6___result__Result_____wasm_bindgen_bee93ef62a8484b8___JsError___true_);
return ret;
},
cl: function(arg0, arg1) {
const ret = makeMutClosure(arg0, arg1, wasm_bindgen_bee93ef62a8484b8___convert__closures_____invoke___web_sys_9314a9185bb612e7___features__gen_Event__Event______true_);
return ret;
},
cm: function(arg0, arg1) {
const ret = makeMutClosure(arg0, arg1, wasm_bindgen_bee93ef62a8484b8___convert__closures_____invoke_______true_);
return ret;
},
cn: function(arg0) {
const ret = arg0;
return ret;
},
co: function(arg0, arg1) {
const ret = getStringFromWasm0(arg0, arg1);
return ret;
},
ci: function() {
const table = wasm.__wbindgen_externrefs;
table.set(0, undefined);
table.set(1024, undefined);
table.set(1025, null);
table.set(1026, true);
table.set(1027, false);
},
};
return {
__proto__: null,
"w": import0,
};
}
function wasm_bindgen_bee93ef62a8484b8___convert__closures_____invoke_______true_(arg0, arg1) {
wasm.wasm_bindgen_bee93ef62a8484b8___convert__closures_____invoke_______true_(arg0, arg1);
}
function wasm_bindgen_bee93ef62a8484b8___convert__closures_____invoke___wasm_bindgen_bee93ef62a8484b8___JsValue______true_(arg0, arg1, arg2) {
wasm.wasm_bindgen_bee93ef62a8484b8___convert__closures_____invoke___wasm_bindgen_bee93ef62a8484b8___JsValue______true_(arg0, arg1, arg2);
}
function wasm_bindgen_bee93ef62a8484b8___convert__closures_____invoke___web_sys_9314a9185bb612e7___features__gen_Event__Event______true_(arg0, arg1, arg2) {
wasm.wasm_bindgen_bee93ef62a8484b8___convert__closures_____invoke___web_sys_9314a9185bb612e7___features__gen_Event__Event______true_(arg0, arg1, arg2);
}
function wasm_bindgen_bee93ef62a8484b8___convert__closures_____invoke___wasm_bindgen_bee93ef62a8484b8___JsValue__core_18bc8c6a83853fe6___result__Result_____wasm_bindgen_bee93ef62a8484b8___JsError___true_(arg0, arg1, arg2) {
const ret = wasm.wasm_bindgen_bee93ef62a8484b8___convert__closures_____invoke___wasm_bindgen_bee93ef62a8484b8___JsValue__core_18bc8c6a83853fe6___result__Result_____wasm_bindgen_bee93ef62a8484b8___JsError___true_(arg0, arg1, arg2);
if (ret[1]) {
throw takeFromExternrefTable0(ret[0]);
}
}
function wasm_bindgen_bee93ef62a8484b8___convert__closures_____invoke___js_sys_d97c3c115c904802___Function_fn_wasm_bindgen_bee93ef62a8484b8___JsValue_____wasm_bindgen_bee93ef62a8484b8___sys__Undefined___js_sys_d97c3c115c904802___Function_fn_wasm_bindgen_bee93ef62a8484b8___JsValue_____wasm_bindgen_bee93ef62a8484b8___sys__Undefined_______true_(arg0, arg1, arg2, arg3) {
wasm.wasm_bindgen_bee93ef62a8484b8___convert__closures_____invoke___js_sys_d97c3c115c904802___Function_fn_wasm_bindgen_bee93ef62a8484b8___JsValue_____wasm_bindgen_bee93ef62a8484b8___sys__Undefined___js_sys_d97c3c115c904802___Function_fn_wasm_bindgen_bee93ef62a8484b8___JsValue_____wasm_bindgen_bee93ef62a8484b8___sys__Undefined_______true_(arg0, arg1, arg2, arg3);
}
const SearchIndexFinalization = (typeof FinalizationRegistry === 'undefined')
? { register: () => {}, unregister: () => {} }
: new FinalizationRegistry(ptr => wasm.__wbg_searchindex_free(ptr, 1));
const WidgetFinalization = (typeof FinalizationRegistry === 'undefined')
? { register: () => {}, unregister: () => {} }
: new FinalizationRegistry(ptr => wasm.__wbg_widget_free(ptr, 1));
function addToExternrefTable0(obj) {
const idx = wasm.__externref_table_alloc();
wasm.__wbindgen_externrefs.set(idx, obj);
return idx;
}
const CLOSURE_DTORS = (typeof FinalizationRegistry === 'undefined')
? { register: () => {}, unregister: () => {} }
: new FinalizationRegistry(state => wasm.__wbindgen_destroy_closure(state.a, state.b));
function getArrayJsValueFromWasm0(ptr, len) {
ptr = ptr >>> 0;
const mem = getDataViewMemory0();
const result = [];
for (let i = ptr; i < ptr + 4 * len; i += 4) {
result.push(wasm.__wbindgen_externrefs.get(mem.getUint32(i, true)));
}
wasm.__externref_drop_slice(ptr, len);
return result;
}
function getArrayU8FromWasm0(ptr, len) {
ptr = ptr >>> 0;
return getUint8ArrayMemory0().subarray(ptr / 1, ptr / 1 + len);
}
let cachedDataViewMemory0 = null;
function getDataViewMemory0() {
if (cachedDataViewMemory0 === null || cachedDataViewMemory0.buffer.detached === true || (cachedDataViewMemory0.buffer.detached === undefined && cachedDataViewMemory0.buffer !== wasm.memory.buffer)) {
cachedDataViewMemory0 = new DataView(wasm.memory.buffer);
}
return cachedDataViewMemory0;
}
function getStringFromWasm0(ptr, len) {
ptr = ptr >>> 0;
return decodeText(getUint8ArrayMemory0().subarray(ptr, ptr + len));
}
let cachedUint8ArrayMemory0 = null;
function getUint8ArrayMemory0() {
if (cachedUint8ArrayMemory0 === null || cachedUint8ArrayMemory0.byteLength === 0) {
cachedUint8ArrayMemory0 = new Uint8Array(wasm.memory.buffer);
}
return cachedUint8ArrayMemory0;
}
function handleError(f, args) {
try {
return f.apply(this, args);
} catch (e) {
const idx = addToExternrefTable0(e);
wasm.__wbindgen_exn_store(idx);
}
}
function isLikeNone(x) {
return x === undefined || x === null;
}
function makeMutClosure(arg0, arg1, f) {
const state = { a: arg0, b: arg1, cnt: 1 };
const real = (...args) => {
state.cnt++;
const a = state.a;
state.a = 0;
try {
return f(a, state.b, ...args);
} finally {
state.a = a;
real._wbg_cb_unref();
}
};
real._wbg_cb_unref = () => {
if (--state.cnt === 0) {
wasm.__wbindgen_destroy_closure(state.a, state.b);
state.a = 0;
CLOSURE_DTORS.unregister(state);
}
};
CLOSURE_DTORS.register(real, state, state);
return real;
}
function passStringToWasm0(arg, malloc, realloc) {
if (realloc === undefined) {
const buf = cachedTextEncoder.encode(arg);
const ptr = malloc(buf.length, 1) >>> 0;
getUint8ArrayMemory0().subarray(ptr, ptr + buf.length).set(buf);
WASM_VECTOR_LEN = buf.length;
return ptr;
}
let len = arg.length;
let ptr = malloc(len, 1) >>> 0;
const mem = getUint8ArrayMemory0();
let offset = 0;
for (; offset < len; offset++) {
const code = arg.charCodeAt(offset);
if (code > 0x7F) break;
mem[ptr + offset] = code;
}
if (offset !== len) {
if (offset !== 0) {
arg = arg.slice(offset);
}
ptr = realloc(ptr, len, len = offset + arg.length * 3, 1) >>> 0;
const view = getUint8ArrayMemory0().subarray(ptr + offset, ptr + len);
const ret = cachedTextEncoder.encodeInto(arg, view);
offset += ret.written;
ptr = realloc(ptr, len, offset, 1) >>> 0;
}
WASM_VECTOR_LEN = offset;
return ptr;
}
function takeFromExternrefTable0(idx) {
const value = wasm.__wbindgen_externrefs.get(idx);
wasm.__externref_table_dealloc(idx);
return value;
}
let cachedTextDecoder = new TextDecoder('utf-8', { ignoreBOM: true });
cachedTextDecoder.decode();
const MAX_SAFARI_DECODE_BYTES = 2146435072;
let numBytesDecoded = 0;
function decodeText(bytes) {
numBytesDecoded += bytes.length;
if (numBytesDecoded >= MAX_SAFARI_DECODE_BYTES) {
cachedTextDecoder = new TextDecoder('utf-8', { ignoreBOM: true });
cachedTextDecoder.decode();
numBytesDecoded = bytes.length;
}
return cachedTextDecoder.decode(bytes);
}
const cachedTextEncoder = new TextEncoder();
if (!('encodeInto' in cachedTextEncoder)) {
cachedTextEncoder.encodeInto = function (arg, view) {
const buf = cachedTextEncoder.encode(arg);
view.set(buf);
return {
read: arg.length,
written: buf.length
};
};
}
let WASM_VECTOR_LEN = 0;
let wasmModule, wasmInstance, wasm;
function __wbg_finalize_init(instance, module) {
wasmInstance = instance;
wasm = instance.exports;
wasmModule = module;
cachedDataViewMemory0 = null;
cachedUint8ArrayMemory0 = null;
wasm.__wbindgen_start();
return wasm;
}
async function __wbg_load(module, imports) {
if (typeof Response === 'function' && module instanceof Response) {
if (!module.ok) {
throw new Error(`failed to fetch Wasm: ${module.status} ${module.statusText} fetching '${module.url}'`);
}
if (typeof WebAssembly.instantiateStreaming === 'function') {
try {
return await WebAssembly.instantiateStreaming(module, imports);
} catch (e) {
const validResponse = expectedResponseType(module.type);
if (validResponse && module.headers.get('Content-Type') !== 'application/wasm') {
console.warn("`WebAssembly.instantiateStreaming` failed because your server does not serve Wasm with `application/wasm` MIME type. Falling back to `WebAssembly.instantiate` which is slower. Original error:\n", e);
} else { throw e; }
}
}
const bytes = await module.arrayBuffer();
return await WebAssembly.instantiate(bytes, imports);
} else {
const instance = await WebAssembly.instantiate(module, imports);
if (instance instanceof WebAssembly.Instance) {
return { instance, module };
} else {
return instance;
}
}
function expectedResponseType(type) {
switch (type) {
case 'basic': case 'cors': case 'default': return true;
}
return false;
}
}
function initSync(module) {
if (wasm !== undefined) return wasm;
if (module !== undefined) {
if (Object.getPrototypeOf(module) === Object.prototype) {
({module} = module)
} else {
console.warn('using deprecated parameters for `initSync()`; pass a single object instead')
}
}
const imports = __wbg_get_imports();
if (!(module instanceof WebAssembly.Module)) {
module = new WebAssembly.Module(module);
}
const instance = new WebAssembly.Instance(module, imports);
return __wbg_finalize_init(instance, module);
}
let __wbg_init_promise;
async function __wbg_init(module_or_path) {
if (wasm !== undefined) return wasm;
if (__wbg_init_promise === undefined) {
__wbg_init_promise = __wbg_init_once(module_or_path);
__wbg_init_promise.catch(() => { __wbg_init_promise = undefined; });
}
return __wbg_init_promise;
}
async function __wbg_init_once(module_or_path) {
if (module_or_path !== undefined) {
if (Object.getPrototypeOf(module_or_path) === Object.prototype) {
({module_or_path} = module_or_path)
} else {
console.warn('using deprecated parameters for the initialization function; pass a single object instead')
}
}
if (module_or_path === undefined) {
module_or_path = new URL('cchc_widgets_bg.wasm', import.meta.url);
}
const imports = __wbg_get_imports();
if (typeof module_or_path === 'string' || (typeof Request === 'function' && module_or_path instanceof Request) || (typeof URL === 'function' && module_or_path instanceof URL)) {
module_or_path = fetch(module_or_path);
}
const { instance, module } = await __wbg_load(await module_or_path, imports);
return __wbg_finalize_init(instance, module);
}
export { initSync, __wbg_init as default };
