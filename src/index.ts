/**
 * rapporteur as a library: the functions the command line is made of, for a program that wants
 * themes (a notebook, a web form, a meeting tool). Everything here is pure except `readNotes`
 * (reads the file it is given) and `loadWordVectors` (reads, and the first time writes, the
 * word-vector cache). See "Use from a program" in the README.
 */
export { readNotes } from './api/notes';
export type { Notes, NotesInput, NotesText, IdeaLike, ReadNotesOptions } from './api/notes';
export { findThemes } from './api/findThemes';
export type { FindThemesOptions, FoundThemes, AnalysedTableGroup } from './api/findThemes';
export { assignIdeas } from './api/assignIdeas';
export type { AssignIdeasOptions } from './api/assignIdeas';
export { evaluateThemes } from './api/evaluateThemes';
export type { EvaluateThemesOptions } from './api/evaluateThemes';
export { renderReport } from './api/renderReport';
export type { RenderReportOptions } from './api/renderReport';
export { renderEvaluation } from './evaluate/renderEvaluation';
export type { EvaluationFormat, EvaluationSetting } from './evaluate/renderEvaluation';
export type { EvaluationReport, EvaluationScores, GroupEvaluation } from './evaluate/evaluate';
export { loadWordVectors } from './api/wordVectors';
export type { LoadWordVectorsOptions } from './api/wordVectors';
export type { WordVectors } from './vectors/wordVectorCache';
export { parseModel, serialiseModel } from './api/model';
export type { ThemeModel } from './model/themeModel';
export type { ModelFingerprint } from './model/fingerprint';
export { clustererFromLabels, clusterCentres, defaultClusterer, nearestCentre } from './cluster/clusterer';
export type { Clusterer, ClusterRequest, Clustering } from './cluster/clusterer';
export { defaultRepresentation, DEFAULT_REPRESENTATION_ID } from './vectors/representation';
export type { Representation, RepresentationContext, DefaultRepresentation } from './vectors/representation';
export type { RepresentationModel, RepresentationOptions } from './vectors/represent';
export type { SparseVector } from './vectors/tfidf';
export { defaultNamer } from './themes/namer';
export type { Namer } from './themes/namer';
export type { ThemeNaming } from './themes/labels';
export { analyseText } from './text/analyseText';
export type { AnalysedText, Term } from './text/analyseText';
export type { Token } from './text/tokenize';
export { FORMATS } from './report/render';
export type { Format } from './report/render';
export type { Report, ReportGroup, ReportTheme, ReportIdea, ReportOptions } from './report/report';
export type { Idea, SkippedRow } from './ingest/idea';
export type { KOption } from './api/kOption';
export { RapporteurError } from './errors';
export { VERSION } from './version';
