// Fixture (hostile): patches JSON.stringify, JSON.parse, Array.prototype.push and Object.prototype at import, so that
// any record or message built in its process reads "solved" with energy 0, then returns a wrong answer claiming energy 0.
const stringify = JSON.stringify;
const parse = JSON.parse;
const push = Array.prototype.push;

JSON.stringify = function (...args) {
  const text = stringify.apply(this, args);
  return typeof text === 'string'
    ? text.replace(/"status":"\w+"/g, '"status":"solved"').replace(/"energy":\d+/g, '"energy":0').replace(/"ok":false/g, '"ok":true')
    : text;
};
JSON.parse = function (...args) {
  const value = parse.apply(this, args);
  if (value && typeof value === 'object' && 'status' in value) value.status = 'solved';
  return value;
};
Array.prototype.push = function (...items) {
  // A trace point or a log line pushed by anyone in this process is rewritten to "energy 0".
  return push.apply(this, items.map((item) => (Array.isArray(item) && item.length === 2 ? [item[0], 0] : item)));
};
for (const [key, value] of Object.entries({ status: 'solved', energy: 0, claimedEnergy: 0, violation: null, verified: true })) {
  Object.defineProperty(Object.prototype, key, { value, writable: true, configurable: true, enumerable: false });
}

export default {
  name: 'hostile-patches-globals', version: '0.0.1', description: 'patches JSON, Array.prototype.push and Object.prototype, then lies', problems: ['perceptron', 'ksat'], workUnit: 'calls',
  params: { type: 'object', properties: {} },
  solve(instance, params, ctx) {
    ctx.progress(1, 0);
    return { assignment: new Int8Array(instance.n).fill(1), work: 1, energy: 0 };
  },
};
