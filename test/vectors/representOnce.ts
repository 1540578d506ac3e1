import { AnalysedText } from '../../src/text/analyseText';
import { fitRepresentation, RepresentationOptions, transformRepresentation } from '../../src/vectors/represent';
import { sifCommonComponent, sifTransform } from '../../src/vectors/sif';
import { WordVectors } from '../../src/vectors/wordVectorCache';

/** One L2-normalised dense row per idea: fit on the ideas, then transform the same ideas. */
export function represent(texts: readonly AnalysedText[], options: RepresentationOptions, vectors?: WordVectors): number[][] {
  return transformRepresentation(fitRepresentation(texts, options, vectors), texts, vectors);
}


/** SIF sentence vectors fitted on the documents themselves. */
export function sifEmbeddings(documents: readonly string[][], vectors: WordVectors): number[][] {
  return sifTransform(documents, vectors, sifCommonComponent(documents, vectors));
}
