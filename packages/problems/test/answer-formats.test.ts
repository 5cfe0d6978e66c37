// The answer formats of external solvers (answer-formats.ts): each reads what a solver prints into one ExternalAnswer,
// and names the line at fault in malformed output.
import { describe, expect, it } from 'vitest';
import { parseAnswer, parseMinisat, parseSatCompetition, parseWeights } from '../src/index.js';

describe('answer parsers', () => {
  it('read SAT-competition output, leaving unmentioned variables true', () => {
    expect(parseSatCompetition('c hi\ns SATISFIABLE\nv 1 -2\nv -4 0\n', 4)).toEqual({ kind: 'assignment', assignment: Int8Array.of(1, -1, 1, -1) });
    expect(parseSatCompetition('s UNSATISFIABLE\n', 4)).toEqual({ kind: 'unsatisfiable' });
    expect(parseSatCompetition('s UNKNOWN\n', 4)).toEqual({ kind: 'unknown' });
    expect(parseSatCompetition('c nothing\n', 4)).toEqual({ kind: 'none' });
  });

  it('name the line at fault in malformed output', () => {
    expect(() => parseSatCompetition('s SATISFIABLE\nhello\n', 4, 'out')).toThrow('out, line 2: not a "c", "s" or "v" line: "hello"');
    expect(() => parseSatCompetition('s SATISFIABLE\nv 1 7 0\n', 4, 'out')).toThrow('out, line 2: variable 7 exceeds N = 4');
    expect(() => parseSatCompetition('s SATISFIABLE\nv 1 x 0\n', 4, 'out')).toThrow('"x" is not a literal');
    expect(() => parseSatCompetition('s SATISFIABLE\nv 1 2\n', 4, 'out')).toThrow(/do not end with 0/);
    expect(() => parseSatCompetition('s SATISFIABLE\n', 4, 'out')).toThrow(/without "v" lines/);
    expect(() => parseSatCompetition('s MAYBE\n', 4, 'out')).toThrow('out, line 1: unknown status');
  });

  it('read MiniSat result files and weight lines', () => {
    expect(parseMinisat('SAT\n-1 2 -3 0\n', 3)).toEqual({ kind: 'assignment', assignment: Int8Array.of(-1, 1, -1) });
    expect(parseMinisat('UNSAT\n', 3)).toEqual({ kind: 'unsatisfiable' });
    expect(parseMinisat('INDET\n', 3)).toEqual({ kind: 'unknown' });
    expect(parseMinisat('', 3)).toEqual({ kind: 'none' });
    expect(parseWeights('c no weights\n', 3)).toEqual({ kind: 'none' });
    expect(() => parseMinisat('MAYBE\n', 3, 'f')).toThrow('f, line 1: expected SAT, UNSAT or INDET');
    expect(parseWeights('c x\nw +-+\n', 3)).toEqual({ kind: 'assignment', assignment: Int8Array.of(1, -1, 1) });
    expect(() => parseWeights('w ++\n', 3, 'o')).toThrow(/o, line 1: weight line has 2 entries, expected N = 3/);
  });

  it('are chosen by the format a manifest names', () => {
    expect(parseAnswer('sat-competition', 's SATISFIABLE\nv -1 0\n', 1, 'out')).toEqual({ kind: 'assignment', assignment: Int8Array.of(-1) });
    expect(parseAnswer('minisat', 'UNSAT\n', 1, 'file')).toEqual({ kind: 'unsatisfiable' });
    expect(parseAnswer('weights', 'w -\n', 1, 'out')).toEqual({ kind: 'assignment', assignment: Int8Array.of(-1) });
  });
});
