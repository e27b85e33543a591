#!/usr/bin/env python3
"""Dump the CRF word-segmentation models tre-segment embeds to plain text, for
examples/build_model.rs.

usage: dump_models.py underthesea MODEL_DIR OUT_DIR
       dump_models.py pyvi PYVI_PACKAGE_DIR OUT_DIR     (needs `pip install sklearn-crfsuite`)

MODEL_DIR is `underthesea/pipeline/word_tokenize/models/ws_crf_vlsp2013_20230727` from the
underthesea 9.5.0 wheel (Apache-2.0): `models.bin` (a CRFsuite "lCRF/FOMC" file), and
`features.bin` and `dictionary.bin` (pickles of a list and a set of str). Writes to OUT_DIR:
features.txt (templates in order), labels.txt, trans.tsv (from, to, weight), state.tsv
(attribute, then one weight per label) and dictionary.txt. Needs only the standard library.
"""
import pickle, struct, sys

def cqdb(b, off):
    """Read a CQDB string table (id -> string) through its backward array."""
    magic, _size, _flag, _order, bwd_size, bwd_off = struct.unpack_from('<4sIIIII', b, off)
    assert magic == b'CQDB', magic
    out = {}
    for i in range(bwd_size):
        (o,) = struct.unpack_from('<I', b, off + bwd_off + 4 * i)
        if o:
            ident, ksize = struct.unpack_from('<II', b, off + o)
            out[ident] = b[off + o + 8: off + o + 8 + ksize - 1].decode('utf-8')
    return out

def dump_crfsuite(b, out):
    """Write labels.txt, trans.tsv and state.tsv for CRFsuite model bytes `b`."""
    (magic, _size, kind, _ver, _nf, nlab, _nattr, off_f, off_l, off_a, _lr, _ar) = \
        struct.unpack_from('<4sI4sIIIIIIIII', b, 0)
    assert magic == b'lCRF' and kind == b'FOMC', (magic, kind)
    labels, attrs = cqdb(b, off_l), cqdb(b, off_a)
    chunk, _csize, nfeat = struct.unpack_from('<4sII', b, off_f)
    assert chunk == b'FEAT'
    state, trans = {}, {}
    for i in range(nfeat):
        t, src, dst, w = struct.unpack_from('<IIId', b, off_f + 12 + 20 * i)
        if t == 0:
            state.setdefault(src, [0.0] * nlab)[dst] = w
        else:
            trans[(src, dst)] = w
    with open(f'{out}/labels.txt', 'w') as f:
        f.writelines(labels[i] + '\n' for i in range(nlab))
    with open(f'{out}/trans.tsv', 'w') as f:
        for (s, d), w in sorted(trans.items()):
            f.write(f'{labels[s]}\t{labels[d]}\t{w!r}\n')
    with open(f'{out}/state.tsv', 'w') as f:
        for a, ws in sorted(state.items()):
            # Attributes about tabs or line breaks (pyvi keeps "\n" as a token) cannot fire
            # on tre's tokens, and would break the format: leave them out.
            if any(c in attrs[a] for c in '\t\n\r'):
                continue
            f.write(attrs[a] + '\t' + '\t'.join(repr(x) for x in ws) + '\n')

def pyvi(pkg, out):
    """pyvi 0.1.1 (MIT): `models/pyvi3.pkl` pickles an sklearn_crfsuite.CRF, which writes its
    CRFsuite model bytes to a temporary file when unpickled; `models/words.txt` is the n-gram
    list its bi_gram/tri_gram features look up."""
    import pickle
    with open(f'{pkg}/models/pyvi3.pkl', 'rb') as f:
        crf = pickle.load(f)
    with open(crf.modelfile.name, 'rb') as f:
        dump_crfsuite(f.read(), out)
    with open(f'{pkg}/models/words.txt', encoding='utf-8') as f, open(f'{out}/dictionary.txt', 'w') as g:
        g.write(f.read())

def underthesea(model_dir, out):
    with open(f'{model_dir}/models.bin', 'rb') as f:
        dump_crfsuite(f.read(), out)
    with open(f'{model_dir}/features.bin', 'rb') as f:
        features = pickle.load(f)
    with open(f'{out}/features.txt', 'w') as f:
        f.writelines(x + '\n' for x in features)
    with open(f'{model_dir}/dictionary.bin', 'rb') as f:
        words = pickle.load(f)
    with open(f'{out}/dictionary.txt', 'w') as f:
        f.writelines(w + '\n' for w in sorted(words))
    print(f'{len(words)} dictionary entries', file=sys.stderr)

if __name__ == '__main__':
    kind, src, dst = sys.argv[1:4]
    {'underthesea': underthesea, 'pyvi': pyvi}[kind](src, dst)
