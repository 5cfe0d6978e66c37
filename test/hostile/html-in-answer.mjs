// Fixture (hostile): puts markup in everything that reaches the HTML report — its work unit, an info string and its
// error message — hoping the report runs it.
export default {
  name: 'hostile-html-in-answer', version: '0.0.1', description: 'markup in its fields', problems: ['perceptron', 'ksat'], workUnit: 'calls<img src=x onerror=alert(1)>',
  params: { type: 'object', properties: {} },
  solve(instance, params, ctx) {
    if (ctx.rng.nextFloat() < 2) throw new Error('</code></script><script>document.title="pwned-by-message"</script><img src=x onerror=alert(2)>');
    return { assignment: new Int8Array(instance.n).fill(1), work: 1 };
  },
};
