// A SignalR hub method that paints a width x height area the caller asks for.
// fixed: public async Task<int> Fill(int width, int height)
// fixed: return painted;
// fixed: for (var y = 0; y < height; y++)
using Microsoft.AspNetCore.SignalR;

public sealed class CanvasHub : Hub
{
    public int Fill(int width, int height)
    {
        var painted = 0;
        for (var x = 0; x < width; x++)
        {
            for (var y = 0; y < height; y++)
            {
                painted++;
            }
        }

        return painted;
    }
}
