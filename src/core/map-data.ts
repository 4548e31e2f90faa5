/** The map's data file (`/map-data.json`), written at build time and read by the map island. */

/** One located public mirror: name, sponsor, latitude, longitude, protocols (space-separated), country code. */
export type MapMirror = [name: string, sponsor: string, lat: number, lon: number, protocols: string, country: string];

export interface MapData {
  mirrors: MapMirror[];
}
