// A chart.js plugin that sets the series of a chart a few pixels apart sideways, so that identical curves (two plugins
// with the same success rates) and their interval bars stay visible side by side instead of one hiding the other. Only
// the drawn positions move: the data, the axes and the tooltips' values are the series' own.

interface Positioned { x: number }
interface DodgedChart {
  data: { datasets: { dodge?: boolean }[] };
  isDatasetVisible(index: number): boolean;
  getDatasetMeta(index: number): { data: Positioned[] };
}

/** Pixels between neighbouring series; the series are centred on the true position. */
const STEP_PX = 3;

export const dodge = {
  id: 'dodge',
  afterDatasetsUpdate(chart: DodgedChart) {
    const shifted = chart.data.datasets.map((_d, i) => i).filter((i) => chart.isDatasetVisible(i) && chart.data.datasets[i]!.dodge !== false);
    shifted.forEach((index, rank) => {
      const dx = (rank - (shifted.length - 1) / 2) * STEP_PX;
      for (const element of chart.getDatasetMeta(index).data) element.x += dx;
    });
  },
};
